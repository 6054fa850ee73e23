import { checkCategory, checkName, LIMITS, MAX_PHOTOS } from './admin.js';
import { codeFor, normaliseCode, parsePrice, sortProducts, type CatalogState, type PriceResult, type Product } from './model.js';

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
  const columns = readHeader(header);
  if (!columns.ok) return { ok: false, errors: columns.errors };
  const run = new CsvImport(structuredClone(current), columns.columns, parsed.delimiter, photoExists);
  for (const row of rows) run.row(row);
  return run.finish();
}

/** The column of each cell of the header row (null for a cell left empty), or what is wrong with it. */
function readHeader(header: CsvRecord): { ok: true; columns: Array<Column | null> } | { ok: false; errors: string[] } {
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
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/** Which product a row names: its code (null for a new product without one) and that product if it exists. */
interface RowTarget {
  code: string | null;
  existing: Product | undefined;
}

/** A row's cells, read and checked; a column the file does not have is undefined (or empty text). */
interface RowValues {
  name: string;
  category: string;
  price: PriceResult;
  description: string | undefined;
  options: string | undefined;
  stock: 'ready' | 'habis' | null | undefined;
  hidden: boolean | null | undefined;
  orderText: string;
  photos: string[] | undefined;
}

/**
 * One import under way: the copy of the catalog it changes, what the rows so far have named, and
 * the problems found. Rows are applied while none has a problem; after the first, they are only
 * checked, to report as many problems as possible at once.
 */
class CsvImport {
  readonly errors: string[] = [];
  private readonly byCode: Map<string, Product>;
  private readonly seenCodes = new Set<string>();
  private readonly seenNames = new Map<string, number>();
  private readonly summary: ImportSummary = { added: [], updated: [], untouched: [] };
  private nextOrder: number;
  private readonly categoryNames: Map<string, string>;

  constructor(
    private readonly state: CatalogState,
    private readonly columns: ReadonlyArray<Column | null>,
    private readonly delimiter: string,
    private readonly photoExists: (relative: string) => boolean,
  ) {
    this.byCode = new Map(state.products.map((p) => [p.code, p]));
    this.nextOrder = state.products.reduce((max, p) => Math.max(max, p.order), 0) + 1;
    this.categoryNames = new Map(state.products.map((p) => [p.category.toLowerCase(), p.category]));
  }

  /** Checks one row and, while the file has no problem so far, applies it. */
  row(row: CsvRecord): void {
    if (row.cells.every((c) => c.trim() === '')) return;
    const columns = this.columns;
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      this.bad(row, `${row.cells.length} kolom, judulnya hanya ${columns.length}; ada tanda ${this.delimiter} yang tidak dikutip?`);
      return;
    }
    const target = this.target(row);
    if (!target) return;
    const values = this.values(row);
    if (this.errors.length > 0) return;
    this.apply(target, values);
  }

  /** The new products' codes and the summary, or every problem found (up to MAX_ERRORS). */
  finish(): ImportResult {
    const { state, byCode, seenCodes } = this;
    // names must also differ from the products the file leaves alone
    for (const p of state.products) {
      if (seenCodes.has(p.code) || p.code === '') continue;
      const line = this.seenNames.get(p.name.toLowerCase());
      if (line !== undefined) this.errors.push(`baris ${line}: nama "${p.name}" sudah dipakai ${p.code} di katalog`);
    }
    if (this.errors.length > 0) return { ok: false, errors: this.errors.slice(0, MAX_ERRORS) };

    // codes for the new products, after every code in use or named by the file
    let next = Math.max(state.nextCode, ...[...seenCodes].map((c) => Number(c.slice(1)) + 1));
    for (const p of state.products) if (p.code === '') p.code = codeFor(next++);
    state.nextCode = next;
    const summary = this.summary;
    summary.added = state.products.filter((p) => !byCode.has(p.code)).map((p) => p.code);
    summary.untouched = state.products.filter((p) => byCode.has(p.code) && !seenCodes.has(p.code)).map((p) => p.code);
    return { ok: true, state, summary };
  }

  private bad(row: CsvRecord, problem: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(`baris ${row.line}: ${problem}`);
  }

  /** The trimmed cell of a column, or undefined when the file has no such column. */
  private cell(row: CsvRecord, c: Column): string | undefined {
    const i = this.columns.indexOf(c);
    return i < 0 ? undefined : (row.cells[i] ?? '').trim();
  }

  /** The product the row's code names; null when the code cannot be used (the problem is reported). */
  private target(row: CsvRecord): RowTarget | null {
    const codeText = this.cell(row, 'kode') ?? '';
    const code = codeText === '' ? null : normaliseCode(codeText);
    if (codeText !== '' && !code) {
      this.bad(row, `"${codeText}" bukan kode produk (contoh: P07), atau kosongkan untuk produk baru`);
      return null;
    }
    if (code && this.seenCodes.has(code)) {
      this.bad(row, `kode ${code} sudah dipakai di baris sebelumnya`);
      return null;
    }
    if (code) this.seenCodes.add(code);
    const existing = code ? this.byCode.get(code) : undefined;
    if (code && !existing && Number(code.slice(1)) < this.state.nextCode) {
      this.bad(row, `kode ${code} pernah dipakai produk yang sudah dihapus; kosongkan kodenya untuk produk baru`);
      return null;
    }
    return { code, existing };
  }

  /** Reads the row's cells, reporting each problem. */
  private values(row: CsvRecord): RowValues {
    const get = (c: Column): string | undefined => this.cell(row, c);
    const bad = (problem: string): void => this.bad(row, problem);
    const name = get('nama') ?? '';
    const category = get('kategori') ?? '';
    const problem = checkName(name) ?? checkCategory(category);
    if (problem) bad(problem);
    const nameKey = name.toLowerCase();
    const twinLine = this.seenNames.get(nameKey);
    if (twinLine !== undefined) bad(`nama "${name}" sudah dipakai di baris ${twinLine}`);
    this.seenNames.set(nameKey, row.line);
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
    const photos = this.photos(row);
    return { name, category, price, description, options, stock, hidden, orderText, photos };
  }

  /** The row's photos, checked against the media folder; undefined when the cell is empty. */
  private photos(row: CsvRecord): string[] | undefined {
    const photoText = this.cell(row, 'foto') ?? '';
    const photos =
      photoText === ''
        ? undefined
        : photoText
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean);
    if (photos && photos.length > MAX_PHOTOS) this.bad(row, `${photos.length} foto, paling banyak ${MAX_PHOTOS}`);
    for (const photo of photos ?? []) {
      if (!/^media\/[^/]+$/.test(photo.replace(/\\/g, '/')) || !this.photoExists(photo)) this.bad(row, `foto "${photo}" tidak ada di folder data/media`);
    }
    return photos;
  }

  /** Updates the product the row names, or adds a new one (its code is given in finish). */
  private apply({ code, existing }: RowTarget, values: RowValues): void {
    const { name, category, price, description, options, stock, hidden, orderText, photos } = values;
    const categoryName = this.categoryNames.get(category.toLowerCase()) ?? category;
    this.categoryNames.set(category.toLowerCase(), categoryName);
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
      order: this.nextOrder++,
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
    if (existing) this.summary.updated.push(target.code);
    else this.state.products.push(target);
  }
}
