/**
 * The charts of 统计分析 as ECharts options, made from the statistics alone: the screen draws them and the 以月答卷
 * prints the very same options rendered to PNG (`print: true` — no animation, type sized for paper). Plain objects:
 * nothing here loads ECharts.
 */
import type { EChartsOption } from 'echarts';
import type { Statistics } from './statistics';

/** The charts there are, in the order the screen and the report show them. */
export const CHARTS = ['trend', 'category', 'department', 'satisfaction'] as const;
export type ChartName = (typeof CHARTS)[number];

/** Each chart's title (the report's figure caption, the screen's heading). */
export const CHART_TITLE: Readonly<Record<ChartName, string>> = {
  trend: '近十二个月交办与办理情况',
  category: '诉求类别分布',
  department: '各单位交办件数',
  satisfaction: '满意度回访结果',
};

/** Screen colours, and the darker ones that still read when printed in black and white. */
const PALETTE = ['#b3261e', '#1f4e79', '#c9821b', '#4e7d3a', '#6b4c9a', '#5f6b7a'];

const pct = (v: number | undefined) => (v === undefined ? null : Math.round(v * 1000) / 10);

/** The options of one chart; `print` for paper (a PNG at print resolution), else for the screen. */
export function chartOption(name: ChartName, s: Statistics, print = false): EChartsOption {
  const font = print ? 16 : 13;
  const base: EChartsOption = {
    animation: !print,
    color: PALETTE,
    textStyle: { fontSize: font, fontFamily: 'sans-serif' },
    grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
    // Rich-text tooltips: the HTML ones write inline styles, which the app's CSP refuses.
    tooltip: print ? { show: false } : { trigger: 'axis', renderMode: 'richText' },
    aria: { enabled: true },
  };
  switch (name) {
    case 'trend':
      return {
        ...base,
        legend: { top: 0, textStyle: { fontSize: font } },
        xAxis: {
          type: 'category',
          data: s.trend.map((m) => `${Number(m.month.from.slice(5, 7))}月`),
          axisLabel: { fontSize: font },
        },
        yAxis: [
          { type: 'value', name: '件', minInterval: 1, axisLabel: { fontSize: font } },
          { type: 'value', name: '%', min: 0, max: 100, axisLabel: { fontSize: font } },
        ],
        series: [
          { name: '交办件', type: 'bar', data: s.trend.map((m) => m.handedOff) },
          { name: '诉求', type: 'bar', data: s.trend.map((m) => m.demands) },
          {
            name: '按时反馈率',
            type: 'line',
            yAxisIndex: 1,
            connectNulls: true,
            data: s.trend.map((m) => pct(m.onTimeRate)),
          },
          {
            name: '满意率',
            type: 'line',
            yAxisIndex: 1,
            connectNulls: true,
            data: s.trend.map((m) => pct(m.satisfiedOrBasicRate)),
          },
        ],
      };
    case 'category':
    case 'department': {
      const rows = (name === 'category' ? s.byCategory : s.byDepartment).slice(0, 12).reverse();
      return {
        ...base,
        tooltip: print ? { show: false } : { trigger: 'item', renderMode: 'richText' },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
        yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: font } },
        series: [
          {
            type: 'bar',
            data: rows.map((r) => r.count.value),
            label: { show: true, position: 'right', fontSize: font },
            itemStyle: { color: name === 'category' ? PALETTE[1] : PALETTE[0] },
          },
        ],
      };
    }
    case 'satisfaction': {
      const evaluated = s.satisfied.denominator;
      const basically = s.satisfiedOrBasic.numerator - s.satisfied.numerator;
      return {
        ...base,
        tooltip: print ? { show: false } : { trigger: 'item', renderMode: 'richText' },
        legend: { bottom: 0, textStyle: { fontSize: font } },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            // A slice of nothing gets no label (zero slices' labels would pile up).
            minShowLabelAngle: 1,
            label: { formatter: '{b}\n{c}件（{d}%）', fontSize: font },
            // Verdicts nobody gave are left out: their 0件（0%） labels would crowd the ring.
            data:
              evaluated === 0
                ? []
                : [
                    { name: '满意', value: s.satisfied.numerator, itemStyle: { color: PALETTE[3] } },
                    { name: '基本满意', value: basically, itemStyle: { color: PALETTE[2] } },
                    { name: '不满意', value: s.unsatisfied.value, itemStyle: { color: PALETTE[0] } },
                  ].filter((slice) => slice.value > 0),
          },
        ],
      };
    }
  }
}
