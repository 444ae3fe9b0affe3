/** QR codes (npm `qrcode`) drawn as vectors: pdfmake canvas rectangles for PDFs, an SVG path for images. */
import QRCode from 'qrcode';
import type { Content } from './pdf.js';

/** The QR module matrix of a text (error correction M: readable when printed small or a little smudged). */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))));
}

/** Dark runs per row, so a code is a few hundred rectangles instead of a thousand squares. */
function runs(matrix: boolean[][]): { row: number; col: number; length: number }[] {
  const out = [];
  for (let r = 0; r < matrix.length; r++) {
    let c = 0;
    while (c < matrix.length) {
      if (!matrix[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < matrix.length && matrix[r][c]) c++;
      out.push({ row: r, col: start, length: c - start });
    }
  }
  return out;
}

/** A QR code as pdfmake content, `size` points square including a quiet zone of 4 modules. */
export function qrCanvas(text: string, size: number): Content {
  const matrix = qrMatrix(text);
  const unit = size / (matrix.length + 8);
  return {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: size, h: size, color: '#ffffff' },
      ...runs(matrix).map((run) => ({ type: 'rect', x: (run.col + 4) * unit, y: (run.row + 4) * unit, w: run.length * unit + 0.05, h: unit + 0.05, color: '#000000' })),
    ],
    width: size,
  };
}

/** A QR code as an SVG fragment (a white square and one path) placed at x, y with side `size`. */
export function qrSvgFragment(text: string, x: number, y: number, size: number): string {
  const matrix = qrMatrix(text);
  const unit = size / (matrix.length + 8);
  const d = runs(matrix)
    .map((run) => `M${(x + (run.col + 4) * unit).toFixed(2)} ${(y + (run.row + 4) * unit).toFixed(2)}h${(run.length * unit).toFixed(2)}v${unit.toFixed(2)}h${(-run.length * unit).toFixed(2)}z`)
    .join('');
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/>`;
}

/** A standalone SVG QR code. */
export function qrSvg(text: string, size = 256): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">${qrSvgFragment(text, 0, 0, size)}</svg>`;
}
