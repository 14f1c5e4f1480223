/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: every line must be a HELP, a TYPE or a sample of a
 * declared family, with valid names, escaped label values and a number. prom-client writes the format but cannot read it.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const labelPair = '([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"';
const number = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN';
const helpLine = new RegExp(`^# HELP (${metricName}) .*$`);
const typeLine = new RegExp(`^# TYPE (${metricName}) (counter|gauge|histogram|summary|untyped)$`);
const sampleLine = new RegExp(`^(${metricName})(?:\\{((?:${labelPair})(?:,${labelPair})*,?)?\\})? (${number})(?: -?\\d+)?$`);
const labelPairs = new RegExp(labelPair, 'g');

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

export function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1} "${line}"`;
    if (line === '' || helpLine.test(line)) return;
    const type = typeLine.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
      types.set(type[1]!, type[2]!);
      return;
    }
    const sample = sampleLine.exec(line);
    if (!sample) throw new Error(`${where}: not a HELP, TYPE or sample line`);
    const name = sample[1]!;
    const family = [name, name.replace(/_(bucket|sum|count)$/, '')].find((candidate) => types.has(candidate));
    if (!family) throw new Error(`${where}: sample of ${name} before its TYPE`);
    const labels: Record<string, string> = {};
    for (const pair of (sample[2] ?? '').matchAll(labelPairs)) {
      if (pair[1]! in labels) throw new Error(`${where}: label ${pair[1]} twice`);
      labels[pair[1]!] = unescape(pair[2]!);
    }
    samples.push({ name, labels, value: Number(sample.at(-1)) });
  });
  return { types, samples };
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when none, an error when several. */
export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
