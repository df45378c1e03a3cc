// The 以月答卷's charts: the very ECharts options the 统计分析 screen draws (shared/domain/statistics-charts.ts, for
// print), rendered on the main thread to PNG at print resolution. Each chart is laid out at the size it prints
// (PX_PER_MM CSS px a millimetre, so the options' 16 px type prints about 3.3 mm, 小五) on a detached element, then
// drawn PRINT_PIXEL_RATIO times as dense: about 305 dpi, as printers print. On canvas; nothing here evaluates code or
// writes inline styles into the page, so the strict CSP holds.
import { init } from 'echarts/core';
// The charts and parts the options use, registered once by the statistics screen's own module (its screen is where
// the 以月答卷 panel stands).
import '../stats/echarts';
import type { ReportChart } from '../../shared/docs/monthly-report';
import { chartOption, type ChartName } from '../../shared/domain/statistics-charts';
import type { Statistics } from '../../shared/domain/statistics';

/** CSS px a printed millimetre: 150 mm is 720 px. */
export const PX_PER_MM = 4.8;
/** Device pixels a CSS px: 720 px wide become 1,800 pixels over 150 mm, 305 dpi. */
export const PRINT_PIXEL_RATIO = 2.5;

/** One chart drawn for print, on a canvas of its own (the PNG is encoded by `png`). */
function drawChart(
  name: ChartName,
  stats: Statistics,
  size: { widthMm: number; heightMm: number },
): HTMLCanvasElement {
  const host = document.createElement('div');
  const chart = init(host, undefined, {
    renderer: 'canvas',
    width: Math.round(size.widthMm * PX_PER_MM),
    height: Math.round(size.heightMm * PX_PER_MM),
    devicePixelRatio: PRINT_PIXEL_RATIO,
  });
  try {
    chart.setOption(chartOption(name, stats, true));
    return chart.renderToCanvas({ backgroundColor: '#ffffff', pixelRatio: PRINT_PIXEL_RATIO });
  } finally {
    chart.dispose();
  }
}

/** A canvas as PNG bytes (Chromium encodes off the main thread). */
const png = (canvas: HTMLCanvasElement): Promise<Uint8Array> =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图表没有生成'))), 'image/png'),
  ).then(async (blob) => new Uint8Array(await blob.arrayBuffer()));

/**
 * The charts asked for as PNGs of the size each prints at: drawn one after the other (the screen painting between
 * them), their PNGs encoded side by side.
 */
export async function chartPngs(
  stats: Statistics,
  wanted: ReadonlyArray<{ name: ChartName; widthMm: number; heightMm: number }>,
): Promise<ReportChart[]> {
  const encoding: Array<Promise<ReportChart>> = [];
  for (const w of wanted) {
    const canvas = drawChart(w.name, stats, w);
    encoding.push(png(canvas).then((bytes) => ({ ...w, png: bytes })));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return Promise.all(encoding);
}
