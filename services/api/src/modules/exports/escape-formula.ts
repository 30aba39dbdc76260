/**
 * A cell that starts with = + - @ tab or CR is read as a formula by Excel, WPS and LibreOffice
 * (CSV injection): `=HYPERLINK(...)` in an activity title would run on the reader's machine. Such a
 * text gets a leading single quote, which spreadsheets show as text; imports take it off again.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
