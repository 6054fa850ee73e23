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

/** The same first answers for a customer who writes English. */
export const EMPATHY_EN: Record<string, string> = {
  warna: 'We are so sorry, {nama}, that the colour is not what you expected. We understand how disappointing that is, especially for an important occasion. 🙏',
  ukuran: 'We are so sorry, {nama}, that the size is not what you expected. We understand how disappointing that is. 🙏',
  rusak: 'Oh no, we are so sorry, {nama}, that it arrived damaged. We understand your disappointment and will do our best to help. 🙏',
  stok: 'We are sorry about the stock, {nama}; we understand the trouble it causes you. 🙏',
  harga: 'We are sorry about the price, {nama}; we will check it carefully. 🙏',
  kirim: 'We are sorry about the delivery, {nama}; we understand you are waiting. We will check right away. 🙏',
  layanan: 'We are sorry, {nama}, that our service let you down. Thank you for telling us. 🙏',
  lain: 'Thank you for telling us, {nama}. We are listening and will do our best to help. 🙏',
};

export const COMPLAINT_TEXTS: TextDefs = {
  ...Object.fromEntries(
    Object.entries(EMPATHY).map(([category, text]) => [
      `keluhan.empati-${category}`,
      { default: text, help: `jawaban pertama untuk keluhan kategori ${category}`, variables: ['nama'], en: EMPATHY_EN[category] as string },
    ]),
  ),
  'keluhan.tanya': {
    default:
      'Boleh ceritakan apa yang terjadi, dan produk atau pesanan yang mana? Kalau ada, kirimkan juga fotonya. Boleh dalam beberapa pesan.\nKetik *sudah* kalau sudah semua, atau *batal* kalau tidak jadi.',
    help: 'pertanyaan setelah jawaban pertama keluhan',
    en: 'Could you tell us what happened, and which product or order it is? If you can, send a photo too. Several messages are fine.\nType *done* when you have told us everything, or *cancel* if you changed your mind.',
  },
  'keluhan.dicatat-sementara': {
    default: 'Baik, kami catat. Ada lagi yang ingin disampaikan? Ketik *sudah* kalau sudah semua.',
    help: 'jawaban untuk pesan pertama yang berisi cerita keluhan',
    en: 'Noted. Anything else you would like to tell us? Type *done* when that is all.',
  },
  'keluhan.minta-cerita': {
    default: 'Kami belum menerima ceritanya, {nama}. Boleh tuliskan singkat apa yang terjadi, atau kirim fotonya? Ketik *batal* kalau tidak jadi.',
    help: 'jawaban saat pelanggan mengetik "sudah" sebelum bercerita',
    variables: ['nama'],
    en: 'We have not heard what happened yet, {nama}. Could you write it briefly, or send a photo? Type *cancel* if you changed your mind.',
  },
  'keluhan.tidak-dicatat': {
    default: 'Baik {nama}, tidak ada keluhan yang kami catat. Kalau nanti ingin menyampaikan sesuatu, ketik *komplain* kapan saja. 🙏',
    help: 'jawaban saat keluhan dibatalkan atau kosong',
    variables: ['nama'],
    en: 'All right {nama}, no complaint was recorded. If you want to tell us something later, type *complaint* any time. 🙏',
  },
  'keluhan.tercatat': {
    default:
      '✅ Keluhan Kakak sudah kami catat dengan nomor *{nomor}*:\n“{ringkasan}”\n\nAdmin kami akan memeriksanya dan membalas di chat ini {kapan}. Kakak bisa cek kapan saja dengan mengetik *status keluhan*. Terima kasih atas kesabarannya, {nama}. 🙏',
    help: 'jawaban setelah keluhan tersimpan; {kapan}: "hari ini sebelum pukul 17.00" atau "besok pagi"',
    variables: ['nama', 'nomor', 'ringkasan', 'kapan'],
    en: '✅ Your complaint is recorded as *{nomor}*:\n“{ringkasan}”\n\nOur admin will look into it and reply in this chat ({kapan}). Type *complaint status* any time to check. Thank you for your patience, {nama}. 🙏',
  },
  'keluhan.diteruskan': {
    default: 'Terima kasih {nama}, sudah kami teruskan ke admin (keluhan *{nomor}*). 🙏',
    help: 'jawaban saat pelanggan membalas keluhan yang menunggu jawabannya',
    variables: ['nama', 'nomor'],
    en: 'Thank you {nama}, we passed it on to our admin (complaint *{nomor}*). 🙏',
  },
  'keluhan.selesai': {
    default:
      '✅ Keluhan *{nomor}* sudah kami tindak lanjuti:\n{solusi}\n\nTerima kasih atas kesabaran dan kepercayaan Kakak, {nama}. Kalau ternyata belum beres, balas saja *belum beres*.\n\nBagaimana penanganan kami? Balas dengan angka *1* sampai *5* (5 = sangat puas).',
    help: 'pesan ke pelanggan saat keluhan selesai (!keluhan <nomor> selesai <solusi>), dengan permintaan nilai',
    variables: ['nama', 'nomor', 'solusi'],
    en: '✅ We have followed up complaint *{nomor}*:\n{solusi}\n\nThank you for your patience and trust, {nama}. If it is not sorted out after all, just reply *not resolved*.\n\nHow did we handle it? Reply with a number from *1* to *5* (5 = very satisfied).',
  },
  'keluhan.terima-nilai': {
    default: 'Terima kasih atas nilainya, {nama}! 🌸 Masukan Kakak sangat berarti untuk kami.',
    help: 'jawaban untuk nilai 3 sampai 5',
    variables: ['nama'],
    en: 'Thank you for your rating, {nama}! 🌸 Your feedback means a lot to us.',
  },
  'keluhan.nilai-rendah': {
    default: 'Terima kasih sudah jujur, {nama}. Mohon maaf kami belum memuaskan. Pemilik toko sudah kami kabari dan akan menghubungi Kakak. 🙏',
    help: 'jawaban untuk nilai 1 atau 2',
    variables: ['nama'],
    en: 'Thank you for being honest, {nama}. We are sorry we did not do better. The owner has been told and will contact you. 🙏',
  },
  'keluhan.dibuka-lagi': {
    default: 'Mohon maaf {nama}, ternyata belum beres. Keluhan *{nomor}* kami buka lagi dan admin kami segera menindaklanjuti. 🙏',
    help: 'jawaban saat pelanggan bilang keluhan yang selesai belum beres',
    variables: ['nama', 'nomor'],
    en: 'We are sorry, {nama}, that it is not sorted out yet. Complaint *{nomor}* is open again and our admin will follow it up soon. 🙏',
  },
};
