import type { TextDefs } from '../../src/plugin-api.js';

/**
 * What customers read about their complaints, all editable with !teks. The first answer names the
 * feeling in words that fit what happened (SOP: listen, show empathy), then asks for the details.
 */
export const EMPATHY: Record<string, string> = {
  warna: 'Mohon maaf sekali {nama}, warnanya ternyata tidak sesuai harapan Kakak. Kami paham itu mengecewakan, apalagi kalau untuk acara penting. 🙏',
  ukuran: 'Mohon maaf sekali {nama}, ukurannya ternyata tidak sesuai harapan Kakak. Kami paham itu mengecewakan. 🙏',
  rusak: 'Aduh, mohon maaf sekali {nama} barangnya sampai dalam keadaan rusak. Kami paham rasanya kecewa, kami akan bantu sebaik-baiknya. 🙏',
  stok: 'Mohon maaf {nama} soal stoknya, kami paham itu merepotkan Kakak. 🙏',
  harga: 'Mohon maaf {nama} soal harganya, kami akan periksa dengan teliti. 🙏',
  kirim: 'Mohon maaf {nama} soal pengirimannya, kami paham Kakak menunggu. Kami akan cek segera. 🙏',
  layanan: 'Mohon maaf {nama} atas pelayanan kami yang kurang berkenan. Terima kasih sudah mau menyampaikannya. 🙏',
  lain: 'Terima kasih sudah menyampaikan keluhan Kakak, {nama}. Kami mendengarkan dan akan membantu sebaik-baiknya. 🙏',
};

export const COMPLAINT_TEXTS: TextDefs = {
  ...Object.fromEntries(
    Object.entries(EMPATHY).map(([category, text]) => [
      `keluhan.empati-${category}`,
      { default: text, help: `jawaban pertama untuk keluhan kategori ${category}`, variables: ['nama'] },
    ]),
  ),
  'keluhan.tanya': {
    default:
      'Boleh ceritakan apa yang terjadi, dan produk atau pesanan yang mana? Kalau ada, kirimkan juga fotonya. Boleh dalam beberapa pesan.\nKetik *sudah* kalau sudah semua, atau *batal* kalau tidak jadi.',
    help: 'pertanyaan setelah jawaban pertama keluhan',
  },
  'keluhan.dicatat-sementara': {
    default: 'Baik, kami catat. Ada lagi yang ingin disampaikan? Ketik *sudah* kalau sudah semua.',
    help: 'jawaban untuk pesan pertama yang berisi cerita keluhan',
  },
  'keluhan.minta-cerita': {
    default: 'Kami belum menerima ceritanya, {nama}. Boleh tuliskan singkat apa yang terjadi, atau kirim fotonya? Ketik *batal* kalau tidak jadi.',
    help: 'jawaban saat pelanggan mengetik "sudah" sebelum bercerita',
    variables: ['nama'],
  },
  'keluhan.tidak-dicatat': {
    default: 'Baik {nama}, tidak ada keluhan yang kami catat. Kalau nanti ingin menyampaikan sesuatu, ketik *komplain* kapan saja. 🙏',
    help: 'jawaban saat keluhan dibatalkan atau kosong',
    variables: ['nama'],
  },
  'keluhan.tercatat': {
    default:
      '✅ Keluhan Kakak sudah kami catat dengan nomor *{nomor}*:\n“{ringkasan}”\n\nAdmin kami akan memeriksanya dan membalas di chat ini {kapan}. Kakak bisa cek kapan saja dengan mengetik *status keluhan*. Terima kasih atas kesabarannya, {nama}. 🙏',
    help: 'jawaban setelah keluhan tersimpan; {kapan}: "hari ini sebelum pukul 17.00" atau "besok pagi"',
    variables: ['nama', 'nomor', 'ringkasan', 'kapan'],
  },
  'keluhan.diteruskan': {
    default: 'Terima kasih {nama}, sudah kami teruskan ke admin (keluhan *{nomor}*). 🙏',
    help: 'jawaban saat pelanggan membalas keluhan yang menunggu jawabannya',
    variables: ['nama', 'nomor'],
  },
  'keluhan.selesai': {
    default:
      '✅ Keluhan *{nomor}* sudah kami tindak lanjuti:\n{solusi}\n\nTerima kasih atas kesabaran dan kepercayaan Kakak, {nama}. Kalau ternyata belum beres, balas saja *belum beres*.\n\nBagaimana penanganan kami? Balas dengan angka *1* sampai *5* (5 = sangat puas).',
    help: 'pesan ke pelanggan saat keluhan selesai (!keluhan <nomor> selesai <solusi>), dengan permintaan nilai',
    variables: ['nama', 'nomor', 'solusi'],
  },
  'keluhan.terima-nilai': {
    default: 'Terima kasih atas nilainya, {nama}! 🌸 Masukan Kakak sangat berarti untuk kami.',
    help: 'jawaban untuk nilai 3 sampai 5',
    variables: ['nama'],
  },
  'keluhan.nilai-rendah': {
    default: 'Terima kasih sudah jujur, {nama}. Mohon maaf kami belum memuaskan. Pemilik toko sudah kami kabari dan akan menghubungi Kakak. 🙏',
    help: 'jawaban untuk nilai 1 atau 2',
    variables: ['nama'],
  },
  'keluhan.dibuka-lagi': {
    default: 'Mohon maaf {nama}, ternyata belum beres. Keluhan *{nomor}* kami buka lagi dan admin kami segera menindaklanjuti. 🙏',
    help: 'jawaban saat pelanggan bilang keluhan yang selesai belum beres',
    variables: ['nama', 'nomor'],
  },
};
