/**
 * Text as XML 1.0 can hold it: without the control characters it forbids (all below U+0020 but tab, line feed and
 * carriage return), U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. A name holding U+FFFF made the
 * 企业库 export write malformed XML that the app's own import then refused (issue 17); every .docx run and .xlsx
 * cell goes through this.
 */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 cannot hold. */
export const xmlSafe = (text: string): string => text.replace(NOT_XML, '');
