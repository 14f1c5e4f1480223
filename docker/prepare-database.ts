import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { prepareDatabase } from '../scripts/lib/prepare-database';

// The web pod's init container on Kubernetes (k8s/base/web-deployment.yaml): what scripts/start.sh does before web
// and worker start on one box. Migrates, then creates the first admin while there are no users.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'vigil-prepare' });
// A generated password would only be printed to this container's log: on a cluster it must come from the Secret.
if (config.admin.password === undefined) throw new Error('VIGIL_ADMIN_PASSWORD is required to prepare the database on a cluster (k8s/README.md, "Secrets")');
const { migrations, admin } = await prepareDatabase(config, new Date());
logger.info({ dialect: config.database.dialect, migrations, admin: admin.username, adminCreated: admin.created }, 'database ready');
