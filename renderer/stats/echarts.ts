// ECharts for 统计分析, tree-shaken: only the charts and parts statistics-charts.ts draws, on canvas, registered once
// when the statistics screen (a lazy route) first loads. vue-echarts 8 adds its few style rules as a constructed
// style sheet (no <style> tag) and ECharts evaluates no code, so both work under the app's strict CSP.
import { use } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';

use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { VChart };
