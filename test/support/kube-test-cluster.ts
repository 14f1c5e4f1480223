import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/**
 * A real Kubernetes control plane for tests (etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok
 * faking the kubelets), on 127.0.0.1 with free ports in a temporary folder. The binaries come from
 * scripts/k8s-tools.sh (recipe: ../shared/notes/kubernetes-test-cluster.md); kwok runs no containers.
 */
export interface KubeTestCluster {
  kubeconfigPath: string;
  kubeConfig: KubeConfig;
  /** How long startKubeTestCluster took, for the figures in docs/decisions/0008. */
  startupMs: number;
  nodeNames: string[];
  /** Creates a namespace and waits for its default ServiceAccount (pods are refused until it exists). */
  createNamespace(name: string): Promise<void>;
  /** Kills every process group it started and deletes its folder. */
  stop(): Promise<void>;
}

export class KubeTestClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeTestClusterError';
  }
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const kwokStages = fileURLToPath(new URL('../fixtures/kwok-stages.yaml', import.meta.url));
const run = promisify(execFile);

/** The folder with the control-plane binaries, or undefined when scripts/k8s-tools.sh has not built them. */
export function findKubeBinaries(): string | undefined {
  try {
    const output = execFileSync('bash', [join(repositoryRoot, 'scripts/k8s-tools.sh'), '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.trim().split('\n').at(-1) || undefined;
  } catch {
    return undefined;
  }
}

interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<void>;
  exitCode?: number | null;
}

export async function startKubeTestCluster(options: { binDirectory: string; nodes?: number }): Promise<KubeTestCluster> {
  const started = Date.now();
  const directory = mkdtempSync(join(tmpdir(), 'vigil-kube-'));
  const processes: Managed[] = [];
  const stopAll = async () => {
    process.off('exit', killOnExit);
    await Promise.all(processes.map((managed) => stopProcess(managed)));
    rmSync(directory, { recursive: true, force: true });
  };
  // A crashed test worker must not leave a control plane behind.
  const killOnExit = () => {
    for (const managed of processes) killGroup(managed.child, 'SIGKILL');
  };
  process.on('exit', killOnExit);

  try {
    const pki = join(directory, 'pki');
    const [ports] = await Promise.all([freePorts(3), createPki(pki)]);
    const [etcdClient, etcdPeer, apiserverPort] = ports as [number, number, number];
    const kubeconfigPath = join(directory, 'kubeconfig');
    writeFileSync(kubeconfigPath, kubeconfigText(`https://127.0.0.1:${apiserverPort}`, pki));
    const bin = (name: string) => join(options.binDirectory, name);
    const launch = (name: string, args: string[]) => {
      const managed = spawnLogged(name, bin(name), args, directory);
      processes.push(managed);
      return managed;
    };

    launch('etcd', [
      '--name=node0',
      `--data-dir=${join(directory, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=node0=http://127.0.0.1:${etcdPeer}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    // Everything starts at once: the apiserver retries etcd, the others retry the apiserver.
    launch('kube-apiserver', [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiserverPort}`,
      `--tls-cert-file=${pki}/apiserver.crt`,
      `--tls-private-key-file=${pki}/apiserver.key`,
      `--client-ca-file=${pki}/ca.crt`,
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki}/sa.pub`,
      `--service-account-signing-key-file=${pki}/sa.key`,
      '--service-cluster-ip-range=10.96.0.0/16',
      '--authorization-mode=Node,RBAC',
      '--allow-privileged=true',
      // This plugin taints new Nodes not-ready until the node-lifecycle controller sees them Ready; kwok's Nodes are
      // Ready at once, and leaving that controller out saves a process's worth of CPU.
      '--disable-admission-plugins=TaintNodesByCondition',
      // The 'kubernetes' Service endpoint would be 127.0.0.1, which Endpoints validation rejects as loopback.
      '--endpoint-reconciler-type=none',
      // Less work on a 2-core machine shared with other suites.
      '--enable-priority-and-fairness=false',
      '--profiling=false',
      `--cert-dir=${join(directory, 'apiserver-certs')}`,
    ]);
    const kubeconfigArgs = [`--kubeconfig=${kubeconfigPath}`, '--leader-elect=false', '--secure-port=0'];
    launch('kube-controller-manager', [
      ...kubeconfigArgs,
      // Only what Deployments, Services, ServiceAccounts and garbage collection need.
      '--controllers=deployment-controller,replicaset-controller,garbage-collector-controller,serviceaccount-controller,namespace-controller,root-ca-certificate-publisher-controller,endpointslice-controller',
      `--root-ca-file=${pki}/ca.crt`,
      '--use-service-account-credentials=false',
    ]);
    launch('kube-scheduler', kubeconfigArgs);
    launch('kwok', [`--kubeconfig=${kubeconfigPath}`, `--config=${kwokStages}`, '--manage-all-nodes=true', '--cidr=10.244.0.0/16', '--node-ip=127.0.0.1', '--node-lease-duration-seconds=40']);

    const describeFailure = (reason: string) => new KubeTestClusterError(`${reason}\n${processes.map(tailOf).join('\n')}`);
    await waitUntil(
      async () => (await httpsGet(`https://127.0.0.1:${apiserverPort}/readyz`, pki)) === 200,
      60_000,
      () => processes.find((managed) => managed.exitCode !== undefined),
      describeFailure,
      'kube-apiserver /readyz',
    );

    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const nodeNames = Array.from({ length: options.nodes ?? 1 }, (_, index) => `kwok-node-${index}`);
    for (const name of nodeNames) await core.createNode({ body: fakeNode(name) });

    const waitForServiceAccount = async (namespace: string) =>
      waitUntil(
        async () => {
          try {
            await core.readNamespacedServiceAccount({ name: 'default', namespace });
            return true;
          } catch {
            return false;
          }
        },
        60_000,
        () => processes.find((managed) => managed.exitCode !== undefined),
        describeFailure,
        `the default ServiceAccount of namespace ${namespace}`,
      );
    await waitForServiceAccount('default');

    return {
      kubeconfigPath,
      kubeConfig,
      nodeNames,
      startupMs: Date.now() - started,
      createNamespace: async (name) => {
        await core.createNamespace({ body: { metadata: { name } } });
        await waitForServiceAccount(name);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function spawnLogged(name: string, binary: string, args: string[], directory: string): Managed {
  const logFile = join(directory, `${name}.log`);
  const fd = openSync(logFile, 'a');
  // Own process group (detached) so that stop() reaches anything the process starts; HOME points at the temp
  // folder so that kwok never reads a developer's ~/.kwok/kwok.yaml.
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', fd, fd], env: { PATH: process.env.PATH ?? '', HOME: directory } as unknown as NodeJS.ProcessEnv });
  closeSync(fd);
  const managed: Managed = { name, child, logFile, exited: Promise.resolve() };
  managed.exited = new Promise((resolve) => {
    child.once('exit', (code) => {
      managed.exitCode = code;
      resolve();
    });
    child.once('error', () => {
      managed.exitCode = -1;
      resolve();
    });
  });
  return managed;
}

async function stopProcess(managed: Managed): Promise<void> {
  if (managed.exitCode !== undefined) return;
  killGroup(managed.child, 'SIGTERM');
  // Throwaway state: the apiserver's graceful drain of open watches is not worth waiting for.
  const timer = setTimeout(() => killGroup(managed.child, 'SIGKILL'), 1_000);
  await managed.exited;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function tailOf(managed: Managed): string {
  let text = '';
  try {
    text = readFileSync(managed.logFile, 'utf8');
  } catch {
    // never written
  }
  const state = managed.exitCode === undefined ? 'running' : `exited with ${managed.exitCode}`;
  return `--- ${managed.name} (${state}), last lines:\n${text.split('\n').slice(-15).join('\n')}`;
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  crashed: () => Managed | undefined,
  describeFailure: (reason: string) => Error,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = crashed();
    if (dead) throw describeFailure(`${dead.name} exited (${dead.exitCode}) while waiting for ${what}`);
    if (await check()) return;
    if (Date.now() > deadline) throw describeFailure(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function httpsGet(url: string, pki: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { ca: readFileSync(join(pki, 'ca.crt')), cert: readFileSync(join(pki, 'admin.crt')), key: readFileSync(join(pki, 'admin.key')), timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function freePorts(count: number): Promise<number[]> {
  // All held open at once, so that the same port is not handed out twice.
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** EC keys (P-256): generated in milliseconds, where RSA keys cost a noticeable part of the start on 2 cores. */
async function createPki(pki: string): Promise<void> {
  mkdirSync(pki, { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const openssl = (args: string[]) => run('openssl', args, { cwd: pki });
  await openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=vigil-test-ca']);
  const signed = ['-CA', 'ca.crt', '-CAkey', 'ca.key', '-days', '30'];
  await Promise.all([
    openssl(['req', '-x509', ...ec, ...signed, '-keyout', 'apiserver.key', '-out', 'apiserver.crt', '-subj', '/CN=kube-apiserver',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.96.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc',
      '-addext', 'extendedKeyUsage=serverAuth', '-addext', 'basicConstraints=critical,CA:FALSE']),
    openssl(['req', '-x509', ...ec, ...signed, '-keyout', 'admin.key', '-out', 'admin.crt', '-subj', '/O=system:masters/CN=vigil-test-admin',
      '-addext', 'extendedKeyUsage=clientAuth', '-addext', 'basicConstraints=critical,CA:FALSE']),
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'sa.key']).then(() => openssl(['ec', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'])),
  ]);
}

function kubeconfigText(server: string, pki: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: vigil-test
  cluster: { server: "${server}", certificate-authority: "${pki}/ca.crt" }
users:
- name: admin
  user: { client-certificate: "${pki}/admin.crt", client-key: "${pki}/admin.key" }
contexts:
- name: vigil-test
  context: { cluster: vigil-test, user: admin }
current-context: vigil-test
`;
}

/** A Node kwok will manage: no NoSchedule taint, so ordinary Deployments schedule onto it. */
function fakeNode(name: string) {
  const capacity = { cpu: '32', memory: '256Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', type: 'kwok' },
    },
    status: { allocatable: capacity, capacity, phase: 'Running' },
  };
}
