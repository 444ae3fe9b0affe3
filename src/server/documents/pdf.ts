/**
 * PDF output for every official document (handover record, assessment report, referral letter…),
 * with pdfmake 0.3 on the server. The only files pdfmake may read are the bundled Roboto fonts, and
 * it may fetch nothing from the network: document definitions carry client data, and a stray image
 * URL or file path in one must never become a request or a file read.
 */
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake';

export type { Content, TDocumentDefinitions };

const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(`pdfmake/fonts/Roboto/${name}`);

const ROBOTO = {
  normal: fontFile('Roboto-Regular.ttf'),
  bold: fontFile('Roboto-Medium.ttf'),
  italics: fontFile('Roboto-Italic.ttf'),
  bolditalics: fontFile('Roboto-MediumItalic.ttf'),
};
const ALLOWED_LOCAL_FILES = new Set(Object.values(ROBOTO));

type PdfMake = (typeof import('pdfmake'))['default'];
let loaded: Promise<PdfMake> | undefined;

/**
 * pdfmake (about 10 MB of memory) is loaded on the first document, not at start: most server
 * processes answer API calls for hours without rendering one. Fonts and access policies are set once
 * on its shared instance.
 */
function pdfmake(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then(({ default: instance }) => {
    instance.setFonts({ Roboto: ROBOTO });
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((path) => ALLOWED_LOCAL_FILES.has(path));
    return instance;
  });
  return loaded;
}

/** Page set-up shared by Singgah's documents: A4, margins for filing, Roboto 11 pt. */
export const DOCUMENT_DEFAULTS = {
  pageSize: 'A4',
  pageMargins: [56, 42, 56, 48],
  defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
} as const;

/** Render a pdfmake document definition to PDF bytes (page set-up defaults applied underneath). */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  const instance = await pdfmake();
  const definition: TDocumentDefinitions = {
    ...DOCUMENT_DEFAULTS,
    ...docDefinition,
    defaultStyle: { ...DOCUMENT_DEFAULTS.defaultStyle, ...(docDefinition.defaultStyle as object | undefined) },
  };
  return instance.createPdf(definition).getBuffer();
}
