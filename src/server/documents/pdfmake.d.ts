/**
 * The part of pdfmake 0.3 (server build) that Singgah uses. pdfmake ships no type declarations and
 * @types/pdfmake describes the 0.2 API, so the few calls we make are declared here.
 */
declare module 'pdfmake' {
  /** A piece of document content: text, or an object (stack, columns, table, canvas, …), or a list. */
  export type Content = string | number | ContentObject | Content[];
  export type ContentObject = { [key: string]: unknown };

  export interface TDocumentDefinitions {
    content: Content;
    [key: string]: unknown;
  }

  export type FontFiles = { normal: string; bold?: string; italics?: string; bolditalics?: string };

  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  interface PdfMake {
    addFonts(fonts: Record<string, FontFiles>): void;
    setFonts(fonts: Record<string, FontFiles>): void;
    /** Decide per URL whether a remote resource (image, font) may be fetched; return true to allow. */
    setUrlAccessPolicy(policy: ((url: string) => boolean) | undefined): void;
    /** Decide per path whether a local file may be read; return true to allow. */
    setLocalAccessPolicy(policy: ((path: string) => boolean) | undefined): void;
    createPdf(docDefinition: TDocumentDefinitions, options?: Record<string, unknown>): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
