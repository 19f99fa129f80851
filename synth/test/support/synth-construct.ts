import { App, Chart } from 'cdk8s';

/** Synthesizes whatever `build` adds to a fresh chart: the objects a construct renders, alone. */
export function synthConstruct(build: (chart: Chart) => void): Record<string, any>[] {
  const chart = new Chart(new App(), 'test');
  build(chart);
  return chart.toJson();
}
