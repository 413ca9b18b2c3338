// The rules of CloudWatch's embedded metric format, as its specification states them:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html

const UNITS = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const dimensionProblems = (root: Record<string, unknown>, at: string, sets: unknown): string[] => {
  if (!Array.isArray(sets)) return [`${at}.Dimensions must be an array of DimensionSets`];
  const problems: string[] = [];
  for (const [s, set] of sets.entries()) {
    if (!Array.isArray(set)) {
      problems.push(`${at}.Dimensions[${s}] is not an array`);
      continue;
    }
    if (set.length > 30) problems.push(`${at}.Dimensions[${s}] has more than 30 dimensions`);
    for (const key of set) {
      const value = typeof key === 'string' ? root[key] : undefined;
      if (typeof value !== 'string' || value.length === 0 || value.length > 1024)
        problems.push(
          `dimension ${String(key)} must be a root member holding a string of 1 to 1024 characters`,
        );
    }
  }
  return problems;
};

const metricProblems = (root: Record<string, unknown>, at: string, metrics: unknown): string[] => {
  if (!Array.isArray(metrics)) return [`${at}.Metrics must be an array`];
  const problems: string[] = [];
  if (metrics.length > 100) problems.push(`${at}.Metrics has more than 100 MetricDefinitions`);
  for (const metric of metrics) {
    if (!isObject(metric) || typeof metric.Name !== 'string' || metric.Name === '') {
      problems.push(`${at}.Metrics holds a MetricDefinition without a Name`);
      continue;
    }
    for (const key of Object.keys(metric))
      if (!['Name', 'Unit', 'StorageResolution'].includes(key))
        problems.push(`MetricDefinition ${metric.Name} has the unknown member ${key}`);
    if (metric.Unit !== undefined && !UNITS.has(String(metric.Unit)))
      problems.push(`metric ${metric.Name} has the unknown unit ${String(metric.Unit)}`);
    if (
      metric.StorageResolution !== undefined &&
      metric.StorageResolution !== 1 &&
      metric.StorageResolution !== 60
    )
      problems.push(`metric ${metric.Name}: StorageResolution must be 1 or 60`);
    const value = root[metric.Name];
    const numbers = Array.isArray(value) ? value : [value];
    if (numbers.length > 100 || numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n)))
      problems.push(`metric ${metric.Name} must be a root member holding a number (or up to 100)`);
  }
  return problems;
};

/** Every way a log line breaks the EMF specification (empty: a valid EMF document). */
export const emfViolations = (line: string): string[] => {
  let root: unknown;
  try {
    root = JSON.parse(line);
  } catch {
    return ['the log event is not a JSON object'];
  }
  if (!isObject(root)) return ['the root node is not an object'];
  const aws = root._aws;
  if (!isObject(aws)) return ['the root node has no _aws metadata object'];
  const problems: string[] = [];
  if (typeof aws.Timestamp !== 'number' || !Number.isInteger(aws.Timestamp) || aws.Timestamp < 0)
    problems.push('_aws.Timestamp must be a number of milliseconds since the epoch');
  const directives = aws.CloudWatchMetrics;
  if (!Array.isArray(directives)) return [...problems, '_aws.CloudWatchMetrics must be an array'];
  for (const [d, directive] of directives.entries()) {
    const at = `CloudWatchMetrics[${d}]`;
    if (!isObject(directive)) {
      problems.push(`${at} is not a MetricDirective object`);
      continue;
    }
    const namespace = directive.Namespace;
    if (typeof namespace !== 'string' || namespace.trim() === '' || namespace.length > 1024)
      problems.push(`${at}.Namespace must be a non-blank string of at most 1024 characters`);
    problems.push(...dimensionProblems(root, at, directive.Dimensions));
    problems.push(...metricProblems(root, at, directive.Metrics));
  }
  return problems;
};
