import { computed, ref, watch } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { spanOf, type UsageSpan, usageSeries } from './usage-series';

/** The usage chart's data: the report for the chosen span, as one series per feature. */
export function useUsageReport(organizationId: () => string, now: () => Date = () => new Date()) {
  const api = useApi();
  const span = ref<UsageSpan>('month-by-day');
  const report = useResource(async () => {
    const { query, periods } = spanOf(span.value, now());
    return usageSeries((await api.credits.usage(organizationId(), query)).items, periods);
  });
  const series = computed(() => report.data.value);
  watch(span, () => void report.reload());
  return { span, report, series };
}
