/**
 * Tables the way WPS and Word both lay them out alike: fixed layout, the grid in twips (WPS reads w:gridCol, Word
 * reads tblW and the cells' widths), every cell with its own width in twips, no percentages.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Paragraph } from 'docx';

/** Inner padding of every cell in twips: 0.1 line above and below, 1.4 mm at the sides. */
export const CELL_MARGIN = { top: 30, bottom: 30, left: 80, right: 80 } as const;

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

/** One cell: its paragraphs, how many grid columns it spans, its vertical alignment. */
export interface CellSpec {
  children: Paragraph[];
  span?: number;
  align?: 'top' | 'center';
}

/** One row: its cells, a minimum height in twips, and whether it may break across a page. */
export interface RowSpec {
  cells: CellSpec[];
  minHeight?: number;
  cantSplit?: boolean;
  /** Repeated at the top of every page the table runs onto. */
  header?: boolean;
}

/** A fixed-layout table over `columns` (twips); each cell's width is the sum of the columns it spans. */
export function fixedTable(columns: readonly number[], rows: readonly RowSpec[]): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...columns],
    alignment: AlignmentType.CENTER,
    margins: { ...CELL_MARGIN, marginUnitType: WidthType.DXA },
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
    rows: rows.map((row) => {
      let col = 0;
      return new TableRow({
        cantSplit: row.cantSplit ?? false,
        ...(row.header ? { tableHeader: true } : {}),
        ...(row.minHeight ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } } : {}),
        children: row.cells.map((c) => {
          const span = c.span ?? 1;
          const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            children: c.children,
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            verticalAlign: c.align === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          });
        }),
      });
    }),
  });
}
