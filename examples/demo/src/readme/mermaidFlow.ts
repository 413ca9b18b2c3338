/** The edges `from → to` of a Mermaid flowchart, by node id. */
export const mermaidEdges = (chart: string): Array<readonly [string, string]> => {
  const edges: Array<readonly [string, string]> = [];
  for (const line of chart.split('\n')) {
    const match = /^\s*(\w+)(?:[[(].*?[\])]+)?\s*-->(?:\|[^|]*\|)?\s*(\w+)/.exec(line);
    if (match) edges.push([match[1]!, match[2]!]);
  }
  return edges;
};
