import { checkCategory, checkName, LIMITS, MAX_PHOTOS } from './admin.js';
import { codeFor, normaliseCode, parsePrice, sortProducts, type CatalogState, type Product } from './model.js';

/**
 * The catalog as a spreadsheet: one product per row under a header row. Export writes every
 * column; import reads the columns it finds (nama, kategori and harga at least), checks every
 * row, and changes nothing unless all rows are valid. Pure functions; the CLI does the files.
 */
export const COLUMNS = ['kode', 'nama', 'kategori', 'harga', 'deskripsi', 'opsi', 'stok', 'tampil', 'urutan', 'foto'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['nama', 'kategori', 'harga'];

/** Header names as people write them, in Indonesian or English. */
const HEADER_NAMES: Record<string, Column> = {
  kode: 'kode',
  code: 'kode',
  sku: 'kode',
  nama: 'nama',
  name: 'nama',
  produk: 'nama',
  'nama produk': 'nama',
  product: 'nama',
  kategori: 'kategori',
  category: 'kategori',
  harga: 'harga',
  price: 'harga',
  deskripsi: 'deskripsi',
  keterangan: 'deskripsi',
  description: 'deskripsi',
  opsi: 'opsi',
  pilihan: 'opsi',
  options: 'opsi',
  varian: 'opsi',
  stok: 'stok',
  stock: 'stok',
  tampil: 'tampil',
  visible: 'tampil',
  tampilkan: 'tampil',
  urutan: 'urutan',
  order: 'urutan',
  posisi: 'urutan',
  foto: 'foto',
  photos: 'foto',
  photo: 'foto',
  gambar: 'foto',
};

const MAX_ERRORS = 30;

export interface CsvRecord {
  /** The line the record starts on, counting from 1. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[]; delimiter: string } | { ok: false; error: string };

/**
 * Reads CSV as spreadsheets write it: a comma or a semicolon between cells (Excel in Indonesian
 * uses the semicolon), quotes around cells with separators, quotes or line breaks in them, "" for
 * a quote, CRLF or LF, and an optional byte-order mark.
 */
export function parseCsv(text: string): CsvParse {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { ok: false, error: `baris ${quoteLine}: tanda kutip (") dibuka tetapi tidak ditutup` };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  return { ok: true, records, delimiter };
}

function quote(value: string): string {
  return /[",;\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole catalog, hidden products included, in the owner's order. */
export function exportCsv(products: readonly Product[]): string {
  const rows = sortProducts(products).map((p) => [
    p.code,
    p.name,
    p.category,
    String(p.price),
    p.description,
    p.options,
    p.stock,
    p.hidden ? 'tidak' : 'ya',
    String(p.order),
    p.photos.join(';'),
  ]);
  return `${[COLUMNS.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\r\n')}\r\n`;
}

export interface ImportSummary {
  added: string[];
  updated: string[];
  /** Products in the catalog that the file does not name: left as they are. */
  untouched: string[];
}

export type ImportResult = { ok: true; state: CatalogState; summary: ImportSummary } | { ok: false; errors: string[] };

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'tampil', 'iya']);
const NO = new Set(['tidak', 'tdk', 'no', 'n', 'false', '0', 'sembunyi', 'hidden']);
const READY = new Set(['ready', 'ada', 'tersedia', 'in stock']);
const SOLD_OUT = new Set(['habis', 'kosong', 'sold out', 'out of stock']);

/**
 * Applies a CSV to a copy of the catalog. A row with a known code updates that product; a row
 * without a code (or with a new one) adds a product. Every problem is reported with its line;
 * any problem means no change at all.
 */
export function importCsv(text: string, current: CatalogState, photoExists: (relative: string) => boolean): ImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const [header, ...rows] = parsed.records;
  if (!header || header.cells.every((c) => c.trim() === ''))
    return { ok: false, errors: ['berkasnya kosong: baris 1 harus berisi judul kolom, misalnya kode,nama,kategori,harga'] };

  const errors: string[] = [];
  const columns: Array<Column | null> = [];
  for (const raw of header.cells) {
    const name = raw.trim().toLowerCase();
    const column = HEADER_NAMES[name];
    if (name === '') columns.push(null);
    else if (!column) errors.push(`baris ${header.line}: kolom "${raw.trim()}" tidak dikenal (yang dikenal: ${COLUMNS.join(', ')})`);
    else if (columns.includes(column)) errors.push(`baris ${header.line}: kolom ${column} tertulis dua kali`);
    else columns.push(column);
  }
  for (const need of REQUIRED) if (!columns.includes(need)) errors.push(`baris ${header.line}: kolom ${need} harus ada`);
  if (errors.length > 0) return { ok: false, errors };

  const state: CatalogState = structuredClone(current);
  const byCode = new Map(state.products.map((p) => [p.code, p]));
  const seenCodes = new Set<string>();
  const seenNames = new Map<string, number>();
  const summary: ImportSummary = { added: [], updated: [], untouched: [] };
  let nextOrder = state.products.reduce((max, p) => Math.max(max, p.order), 0) + 1;
  const categoryNames = new Map(state.products.map((p) => [p.category.toLowerCase(), p.category]));

  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const bad = (problem: string): void => void (errors.length < MAX_ERRORS && errors.push(`baris ${row.line}: ${problem}`));
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      bad(`${row.cells.length} kolom, judulnya hanya ${columns.length}; ada tanda ${parsed.delimiter} yang tidak dikutip?`);
      continue;
    }
    const get = (c: Column): string | undefined => {
      const i = columns.indexOf(c);
      return i < 0 ? undefined : (row.cells[i] ?? '').trim();
    };
    const codeText = get('kode') ?? '';
    const code = codeText === '' ? null : normaliseCode(codeText);
    if (codeText !== '' && !code) {
      bad(`"${codeText}" bukan kode produk (contoh: P07), atau kosongkan untuk produk baru`);
      continue;
    }
    if (code && seenCodes.has(code)) {
      bad(`kode ${code} sudah dipakai di baris sebelumnya`);
      continue;
    }
    if (code) seenCodes.add(code);
    const existing = code ? byCode.get(code) : undefined;
    if (code && !existing && Number(code.slice(1)) < state.nextCode) {
      bad(`kode ${code} pernah dipakai produk yang sudah dihapus; kosongkan kodenya untuk produk baru`);
      continue;
    }

    const name = get('nama') ?? '';
    const category = get('kategori') ?? '';
    const problem = checkName(name) ?? checkCategory(category);
    if (problem) bad(problem);
    const nameKey = name.toLowerCase();
    const twinLine = seenNames.get(nameKey);
    if (twinLine !== undefined) bad(`nama "${name}" sudah dipakai di baris ${twinLine}`);
    seenNames.set(nameKey, row.line);
    const price = parsePrice(get('harga') ?? '');
    if (!price.ok) bad(price.reason);
    const description = get('deskripsi');
    if (description !== undefined && description.length > LIMITS.description) bad(`deskripsi ${description.length} huruf, paling banyak ${LIMITS.description}`);
    const options = get('opsi');
    if (options !== undefined && options.length > LIMITS.options) bad(`opsi ${options.length} huruf, paling banyak ${LIMITS.options}`);
    const stockText = (get('stok') ?? '').toLowerCase();
    const stock = stockText === '' ? undefined : READY.has(stockText) ? 'ready' : SOLD_OUT.has(stockText) ? 'habis' : null;
    if (stock === null) bad(`stok "${stockText}" harus ready atau habis`);
    const shownText = (get('tampil') ?? '').toLowerCase();
    const hidden = shownText === '' ? undefined : YES.has(shownText) ? false : NO.has(shownText) ? true : null;
    if (hidden === null) bad(`tampil "${shownText}" harus ya atau tidak`);
    const orderText = get('urutan') ?? '';
    if (orderText !== '' && !/^-?\d{1,6}$/.test(orderText)) bad(`urutan "${orderText}" harus bilangan bulat`);
    const photoText = get('foto') ?? '';
    const photos =
      photoText === ''
        ? undefined
        : photoText
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean);
    if (photos && photos.length > MAX_PHOTOS) bad(`${photos.length} foto, paling banyak ${MAX_PHOTOS}`);
    for (const photo of photos ?? []) {
      if (!/^media\/[^/]+$/.test(photo.replace(/\\/g, '/')) || !photoExists(photo)) bad(`foto "${photo}" tidak ada di folder data/media`);
    }
    if (errors.length > 0) continue;

    const categoryName = categoryNames.get(category.toLowerCase()) ?? category;
    categoryNames.set(category.toLowerCase(), categoryName);
    const target: Product = existing ?? {
      code: code ?? '',
      name,
      category: categoryName,
      price: 1,
      description: '',
      options: '',
      photos: [],
      placeholder: null,
      stock: 'ready',
      hidden: false,
      order: nextOrder++,
    };
    target.name = name;
    if (existing && existing.category !== categoryName) target.placeholder = null;
    if (existing && existing.name !== name) target.placeholder = null;
    target.category = categoryName;
    if (price.ok) target.price = price.value;
    if (description !== undefined) target.description = description;
    if (options !== undefined) target.options = options;
    if (stock) target.stock = stock;
    if (hidden !== undefined && hidden !== null) target.hidden = hidden;
    if (orderText !== '') target.order = Number(orderText);
    if (photos) target.photos = photos.map((p) => p.replace(/\\/g, '/'));
    if (existing) summary.updated.push(target.code);
    else state.products.push(target);
  }
  // names must also differ from the products the file leaves alone
  for (const p of state.products) {
    if (seenCodes.has(p.code) || p.code === '') continue;
    const line = seenNames.get(p.name.toLowerCase());
    if (line !== undefined) errors.push(`baris ${line}: nama "${p.name}" sudah dipakai ${p.code} di katalog`);
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };

  // codes for the new products, after every code in use or named by the file
  let next = Math.max(state.nextCode, ...[...seenCodes].map((c) => Number(c.slice(1)) + 1));
  for (const p of state.products) if (p.code === '') p.code = codeFor(next++);
  state.nextCode = next;
  summary.added = state.products.filter((p) => !byCode.has(p.code)).map((p) => p.code);
  summary.untouched = state.products.filter((p) => byCode.has(p.code) && !seenCodes.has(p.code)).map((p) => p.code);
  return { ok: true, state, summary };
}
