/**
 * Indonesian root words (kata dasar) the stemmer may reduce a word to: everyday words and the
 * words of a shop's trade (buying, paying, sending, flowers, gifts, occasions, complaints), with
 * the roots that only look affixed listed whole ("kemeja", "kembang", "keranjang", "kebaya"), so
 * they are kept as they are. A word the list does not know is left as it is, which is what a
 * matcher wants: only known words are worth reducing. Written for layani (3695 words); rare short
 * words that would swallow common ones ("rusa" in "kerusakan", "emas" in "mengemas") are left out
 * on purpose.
 */
export const ROOT_WORDS = `
abad abadi abai abang abdi absen abu acak acara aceh acu acung ada adat adem adik admin adu aduk afdal agak agama agar agen agenda aglonema agung
agustus ahad ahli air ajak ajar akad akal akan akar akhir akikah akrab akrilik akses aksesori aksesoris aksi aktif aktivitas aku akun akur alam
alamanda alamat alang alas alat alhamdulillah alih alir almarhum almarhumah almari alpukat aluminium alur amal aman amanah amat ambang ambil amblas
ambruk amin ampas amplas amplop ampuh ampun amuk anak ancam anda andai andal aneh aneka angan anggap anggar anggota anggrek anggun anggur angin
angkasa angkat angkuh angkut angsa angsur anjing anjlok anjur anniversary antar antara anthurium antik anting antre antri anut anyam anyelir apa
apabila apartemen apel api apit aplikasi apotek apresiasi april apung aqiqah arah arisan arsip arti artificial artifisial asah asal asam asap asin
asing asli asoka asrama assalamualaikum aster asuh asuransi asyik atap atas atau atur aula awak awal awan awas awet ayah ayam ayun azalea babi baby
baca backdrop badai badan bagai bagaimana bagi bagus bahagia bahan bahas bahasa bahaya bahkan bahu baik bajak baju bakal bakar bakat baki bakso bakti
baku bakul bakung balai balap balas balik balita balkon balok balon balut bambu bandara bandel banding bando banget bangga bangkai bangkrut bangku
bangsa bangun banjir bank bantah bantai bantal banting bantu banyak bapak baptis barang barangkali barat baring baris barter baru basah basement basi
baskom basmi basuh bata batak batal batang batas baterai batik batin batu batuk bau baut bawa bawah bawang bayang bayar bayi beban bebas bebek
beberapa becak becek beda bedah bedak bedug begini begitu begonia bejana bejat bekal bekam bekap bekas bekicot beku bela belah belai belakang belalai
belang belanga belanja belantara belas belasungkawa belawan belenggu beli belia beliau belibis belimbing beling belit belok belom beludru belukar
belum belut benah benak benam benang benar bencana benci benda bendera bendung bengkak bengkel bengkok bengong benih bening benjol bensin bentak
bentang bentrok bentuk bentur benua berahi beranda berandal berang berangkat berani berantas berapa beras berastagi berat bercak beres bergo beri
beringin berita berkah berkas berkat berlian bersih bersin beruang besan besar besi besok betah betapa bete betina betis beton betul biadab biak biar
biasa biaya bibi bibir bibit bicara bidan bidang bidik bihun bijak biji bika bikin bila bilang bilas bilik bimbang bimbing bina binasa bincang bingkai
bingkis bingung binjai bintang bintik birthday biru bisa bisik bising biskuit bisnis bisu bius blok blokir bludru blus bobok bocah bocor bodoh bohong
boks bola boleh bolong bolos bolu boneka bongkah bongkar bonsai bonus booking borok borong boros bos bosan botak botol bougenville box brand brastagi
brokat bros buah buang buat bubar bubble bubblewrap bubuh bubuk bubur bucket budaya budi bugar bugenvil bujang bujuk bujur buka bukan buket bukit
bukti buku bulan bulat bulir bulu bumbu bumi bundar bundling bunga bungkuk bungkus buntal buntu buntut bunuh bunyi bupati burger buron buru buruk
burung bus busa busuk busung buta butir butuh buyar cabai cabang cabe cabik cabut cacah cacat cadang cadar cahaya cair cakap cakar cakep cakup calla
calon camat camil campak campur canang cancel canda candi candu canggih cangkir cangkul cantik cantol cantum cap capai capek capit capung cara
cardigan cari cash cashback cat catat cebur cecer cedera cegah cegat cek cekal cekik cekung cela celah celaka celana celemek celup cemar cemara cemas
cemberut cembung cemburu cemooh cempaka cendekia cendera cenderamata cengang cengeng cengkeram cepat cepit cepol cerah cerai cerdas cerdik ceria
cerita cermat cermin cerna ceroboh cerobong cetak cetus cewek charger chat cicak cicil cicip cicit cincang cincin cinta ciprat cipta ciri cium ciut
coba cobek cocok cod cokelat coklat colek colok comot congkak contek contoh copot corak corat coret cowok cream cuaca cubit cuci cucu cucur cuek cuil
cukai cukup cukur culik cuma cumi cungkil curah curam curang curhat curi curiga custom customer cuti dadak daerah daftar dagang daging dahaga dahan
dahlia dahsyat dahulu daisy daki dalam dalang dalih damai damar dampak damping dana danau dandan dandelion dangau dangkal dapat dapur darah darat dari
daripada darurat dasar dasi daster data datang datar daun daya deadline debar debit debu deepavali degup dekade dekap dekat dekil dekor dekorasi
delapan deli delitua demam demi dempet denda dendam dengan dengar dengki denyut depak depan deposit derajat deras deret derit derita desa desain desak
desember desis detik dewa dewan dewasa dia diam diameter didih didik diet digital dikit dikte dimensi dimsum dinamika dinas dinding dingin dini dipan
diploma direktur diri disiplin diskon diskusi distribusi diwali doa dobel dobrak dodol dokter dokumen dompet donat dongeng dongkrak dorong dosa dosen
download dp dropship dua duda duduk duga duit duka dukacita dukun dukung dulu dungu dunia duplikat durasi durhaka duri durian dus dusta ecer edar
edelweis edisi edit efek eja ejek ekonomi ekonomis ekor eksklusif ekspedisi ekspektasi ekspor ekspres elak elegan elok elus email emban ember embun
embus emoji empat empuk enak enam encer energi enggak enggan engkau entah erat erti eskalator esok estimasi etalase eukaliptus evaluasi even event
fakta faktor faktur fasilitas fast februari fee flamboyan flanel florist fokus follow format formulir foto frame free freesia fuchsia fungsi gabung
gabus gadai gading gadis gaduh gagah gagal gagap gagas gaib gajah gaji galah galak galang galau galeri gali galon galungan gamang gambar gambir gamis
gampang ganas ganda gandeng gang ganggu ganjal ganjar ganjil ganti gantung gapai gapura garam garang garansi garap garasi gardenia garis garpu garuk
gatal gaul gaun gaung gaya gayung gebrak gebuk gede gedor gedung gegas gejala gelak gelandang gelang gelap gelar gelas gelegar gelembung geleng geli
gelincir gelisah gema gemar gemas gembira gembok gemetar gempa gempur gemuk gemuruh genang genap gencar gencet gendong gendut genggam genjot gentar
gerabah gerah gerai gerak geram gerbang gerbera gereja gerobak gertak gerutu gesek geser gesit getah getar getir giat gigi gigil gigit gila gilas
gilir gimana gini gipsofila girang giring gitu glitter gojek gold gompal goni gopay gorden goreng gores gosip gosok gosong gotong goyang grab gram
gratis grosir grup gubuk gudang gugah gugat gugup gugur gula gulai gulat gulung gumpal guna guncang gundah gundul gunting guntur gunung gurau gurih
guru gurun habis hadang hadap hadiah hadir hafal hajar hajat hak hal halal halaman halang halau halilintar halo halus hambar hambat hampa hampar
hampers hampir hancur handphone handuk hangat hanger hangus hantam hantar hantu hanya hanyut hapus haram harap harga hari harta haru harum harus
hashtag hasil hasrat hasut hati hayati hebat helai helvetia hemat hembus hendak hening hentak henti heran hewan hias hibah hibur hidang hidung hidup
hijab hijau hikmah hilang hilir himpun hina hindar hingga hinggap hirau hiruk hirup hisap hitam hitung horas hormat hortensia hotel hubung hujan hujat
hukum huni huruf hutan hutang hydrangea ibadah ibarat ibu idam ide ideal identitas idola idul ikan ikat ikhlas ikhtiar iklan iklim ikrar ikut ilalang
ilham ilmu iman imbal imbang imbas imbau imitasi imlek impi impor imut inap incar inci indah indra info informasi ingat ingin ingkar ingus ini inisial
injak inovasi inspirasi instagram instan instruksi insyaallah intan internet inti intip invoice irama iring iris irit isap isi isolasi istana istimewa
istirahat istri isyarat itu izin jabat jadi jadwal jaga jagat jagung jahat jahil jahit jajak jajan jajar jakarta jaket jalan jalar jalin jalur jam
jamah jamak jaman jambak jambret jambu jamin jamu jamur janda jangan jangka jangkau jangkit janji januari janur jarah jarak jarang jari jaring jarum
jas jasa jatah jati jatuh jauh jawab jebak jebol jegal jejak jejal jelajah jelas jelek jeli jelita jelma jemari jembatan jemput jemu jemur jenaka
jenazah jendela jenggot jengkal jengkel jenguk jenis jenuh jepit jepret jerami jerat jerih jerit jernih jeruk jijik jika jilat jilbab jilid jinak
jingga jinjing jiplak jitu jiwa jodoh johor jongkok jorok jual juang jubah judul juga jujur julang juli julur jumat jumbo jumlah jumpa juni junjung
jurang juru jus justru juta jutek kabanjahe kabar kabel kabul kabupaten kabur kabut kaca kacamata kacang kacau kadal kadang kadar kado kafe kaget
kagum kain kait kaji kakak kakek kaki kaktus kaku kakus kalah kalang kalau kalem kalender kaleng kali kalian kaligrafi kalimat kalkulator kalla kalo
kalori kalung kamar kambing kamboja kamelia kamera kami kamis kampung kampus kamu kanan kancing kandang kandung kangen kantil kantong kantor kantuk
kantung kanvas kaos kapal kapan kapas kapasitas kapur karang karat kardus karena kari karib karo karpet karton kartu karung karyawan kasar kasih kasir
kasur kata katalog kategori katun kaum kaus kawah kawal kawan kawasan kawat kawin kaya kayu kebab kebal kebaya kebun kebut kecambah kecap kecapi
kecewa kecil kecoa kecoh kecubung kecup kecut kedai kedap kedelai kedip kedondong kejam kejang kejar keji keju kejut kekal kekang kekar kelabu keladi
kelahi kelak kelakar kelam kelambu kelamin kelapa kelar kelas keledai kelenteng kelereng keliling kelinci kelingking kelip keliru kelola kelompok
kelopak kelor keluarga keluh kemah kemangi kemarau kemari kemarin kemas kembali kembang kembar kemben kemboja kemeja kemenyan kemilau kemiri kemoceng
kempes kempis kemudi kemudian kemuning kena kenal kenang kenanga kenapa kenari kencan kencana kencang kencing kendala kendali kendara kendi kendur
kenikir kening kenop kental kentang kentut kenyal kenyang kepak kepala kepang keping kepingin kepiting kepo kepompong kepul kepung kerabat kerah kerai
kerak keramas keramik keran keranda kerang kerangka keranjang kerap keras kerat kerbau kerdil kerikil kering keringat keripik keriput keris keriting
kerja kernet kerok kertas kerucut kerudung keruh keruk kerupuk kerut kesal kesan kesat kesawan kesemek keset ketan ketapang ketapel ketat ketek ketel
ketela ketiak ketik ketika ketimbang ketimun ketombe ketoprak ketumbar ketupat ketus khas khawatir khayal khianat khitan khusus kibar kibas kiblat
kicau kikir kikis kilap kilas kilat kilo kilogram kincir kini kios kipas kira kiri kirim kisah kita kitab kitar klaim klakson klenteng klik klinik
klip kobar kocak kocok kode kodi kodok koin koko kokoh kolaborasi kolak kolam koleksi kolong koma kombinasi komentar komet komisi kompak kompas
kompensasi komplain komplek kompleks kompor komputer komunikasi konde kondisi koneksi konfirmasi konon konsep konsultasi konsumen kontak kontan konten
kontrak kontrol konyol koordinasi kopi kopiah korban korek koreksi koridor korsase kos kosong kost kostum kota kotak kotor koyak krans kreasi kredit
krem kremasi krep krim krisan krisis kristal kritik kuali kualitas kuantitas kuasa kuat kubang kubur kubus kucing kucur kuda kudeta kue kuetiau kuil
kuitansi kuku kukuh kukus kulak kuli kuliah kulit kulkas kumal kumis kumpul kumuh kunci kuncup kuning kuningan kunjung kuntum kunyah kuota kupas kupon
kupu kurang kuras kurban kurir kurma kursi kursus kurung kurus kusam kusut kutip kutu kwetiau laba label labil labrak labuh lacak laci ladang lafal
lagak lagi lagu lahan lahap lahir lain lajang laju lajur lakban laki lakon laksana laku lalai lalap lalat lalu lama lamar lambai lamban lambang lambat
lambung lamin lampion lampir lampu lancang lancar lancip landai langgan langgar langit langka langkah langsing langsung lanjur lanjut lantai lantang
lantas lantun lap lapak lapang lapar lapis lapor laptop lapuk larang laras lari laris larut latah latar lateks latih lauk launching laut lavender
lawak lawan layak layan layang layar layu lazim lebah lebam lebar lebaran lebih lebur lecek lecet ledak lega legam legit leher lekang lekas lekat
lekuk lelah lelang lelap lem lemah lemak lemari lembah lembap lembar lembek lembur lembut lempar lendir lengah lengan lenggang lengkap lengket
lengking lengkung lentera lenyap lepas lepek lereng lesu letak letih letup letus lewat lezat liar libat libur licik licin lidah lift lihai lihat like
lila lilac lili lilin lilit lily lima limbah limpah lincah lindas lindung linen lingkar lingkung lingkup link lintah lintas lipat liput lirih lirik
lisan liter live lobang lobi logam login logo lokasi loket lolos lomba lompat loncat lonceng longgar longsor lonjong lontar lontong loreng lorong
loteng lotus lowong luang luap luar luas lubang luber lubuk lucu lugas lugu luka lukis lulur lulus lumat lumayan lumbung lumpuh lumpur lumrah lumur
lumut lunak lunas luncur luntur lupa luput lurah luruh lurus lusa lusin lusuh lutut luwes maaf mabuk macam macet magenta magnolia mahal mahar
mahasiswa mahir mahkamah mahkota main maju makam makan makasih maki makin maklum makmur makna maksud malah malam malang malas mall malu mampir mampu
mana mancung mandek mandi mandor manfaat mangga mangkir mangkok mangkuk manik manis manja manjur mantan mantap mantel mantra map maps marah marak
marelan maret marga marigold markas marketplace markisa maroon martabak marun masak masalah masam masih masing masjid masuk masyarakat mata matahari
matang materi mati mau mawar mawas mayat mebel medali medan media medis medium meeting mega megah mei meja mekanik mekar melamin melarat melati melayu
melek meleset melodi melon melulu memang memar memo memori mempan mempelai menang menantu menara mendiang mending mendung mengapa mengkudu menit
mentah mental mentari mentega menteri mentimun mentok menu menung mepet merah merak merana meranti mercon merdeka merdu merek mereka merem meriah
meriam merica merpati mertua mesin mesjid meski mesra mesti mesum metal meter metode mewah mie mika miliar milik milimeter mimpi minat minder minggat
minggu mini mint minta minum minyak miring mirip miskin mobil modal mode model moga mogok mohon molek molor momen moncong mondar monitor monstera
montok morawa motif motivasi motor muak muara muat muda mudah mudik muka mukena mulai mulia mulus mulut mumet mumpuni muncul mundur mungil mungkin
muntah murah muram murid murka murni murung musang musibah musik musim musnah musuh mutakhir mutiara mutlak mutu naas nafas nafkah nafsu naif naik
nakal nalar nama nampan namun nanar nanas nanti napas nasabah nasi nasib nasihat natal naung navy negara negeri nego negosiasi nekat nektar nenek neon
netral ngeri ngerti nggak niaga niat nikah nikmat nilai nisan niscaya nista noda nol nominal nomor nona norak nota noted notifikasi november nuansa
nude nyala nyali nyaman nyamuk nyanyi nyaring nyata nyawa nyenyak nyepi nyeri nyesal nyiur nyonya oasis obat obeng obral obrol offline ojek oke
oktober olah olahraga oleh oles olok ombak omel ompol ompong omzet ongkir ongkos online opening oper operasi opini oplos opor opsi orang oranye orbit
order oren organdi organisasi organza orisinal ornamen otak otomatis otot oval owner pabrik pacar packaging packing pacu pacul pada padam padang padat
padi padu pagar pagi paha pahala paham pahat pahit pahlawan pajak pajang pakai pakam pakar pakem paket pakis paksa paku palang palem paling palsu palu
palung paman pamer pamit pamrih panah panas pancar panci pancing pandai pandang pandu panen pangan panggang panggil panggung pangkal pangkas pangku
panik panjang panjar panjat pantai pantang pantas pantat pantau pantul papan papar paperbag para parah parang parkir parsel paru paruh pas pasal
pasang pasar pasif pasir paskah pasok pasrah password pastel pasti pastor patah patok patuh patumbak patung pawai payah payet paylater payung peach
pecah pecal pecat pecel peci pecut pedang pedas pedih pedoman peduli pegal pegang pegawai pejam pekan pekat pekik pel pelan pelana pelangi pelat
pelepah pelihara pelik pelit pelita pelosok pelotot peluang peluh peluit peluk pelupuk peluru pematang pempek penat pendam pendek pendeta pendopo
pengantin pengap pengaruh pengen penggal penggaris penghulu pengki pening peniti penjara penjuru pensil pensiun pentas pentil penting pentol penuh
penyet penyok penyu peoni peony pepaya pepes perabot perah perahu perak peram peran perang perangai perangko peras perawan perca percaya percik
percuma percut perdana perdu perempuan pergi pergok peri peria perih periksa perintah periode perisai periuk perkakas perkara perkasa perlente perlu
permadani permai permak permata permen permisi pernah pernak pernik pernis persegi persen persik persis pertama pertiwi perut pesan pesat pesawat
peserta pesing pesisir pesona pesta peta petai petak petang petasan peti petik petir petis petisah petuah petunia picik picu pigura pijak pijar pijat
pikat piket pikir pikul pilah pilih pilu pimpin pin pinang pincang pindah pinggang pinggir pingin pingsan pinjam pink pintar pintas pintu pinus pipi
pipih pirang piring pisah pisang pisau pita piutang piyama pizza plafon plastik plat pohon pojok pokok pola polah polisi polonia polos pompa pondok
pongah ponsel populer porak porselen porsi pos posisi post posting pot potong potret praktik praktis premium preorder presentasi pria print printer
prioritas produk produksi profil profit program promo promosi prosedur proses protea proteksi protes provinsi proyek puas puasa pucat pucuk pudar puja
puji pukau pukul pulang pulas pulau pulen pulih pulpen pulsa puluh punah puncak pundak punggung pungut puntung punya pupuk pupus puput pura puring
pusaka pusar pusara pusat pusing putar putih putik putra putri putus qris raba rabat rabu racik racun radio ragam ragi ragu rahang rahasia rahim raih
raja rajin rajut rak rakit raksasa rakus rakyat ramadan ramah ramai rambat rambu rambut rambutan rami rampai rampas ramping rampung ramu ranah rancang
rangkai rangkul rangsang ranjang rantai rantau ranting ranum rapat rapi rapuh rasa rata ratap rating ratu ratus rawa rawan rawat raya rayap rayu ready
realitas rebah rebus rebut reda redam redup referensi refund regang registrasi reguler rekah rekam rekan rekat rekening rekomendasi relasi relawan
remaja remang remas rembes remot rempah remuk renang rencana renda rendah rendam rendang renggang rentan rentang renung renyah reply repot request
resah resap reseller resep resepsi reservasi resi resin resleting resmi respon respons restoran retak retas retur reuni review revisi riang rias ribet
ribu ribut rimba rimbun rinci rindang rindu ringan ringkas rintang rintik risau risih risiko ritsleting robek roboh rok rombak rombong rompi ronce
rongga rontok rose rosemary rosot rotan roti ruang rugi rujuk rukan ruko rukun rumah rumit rumpun rumput rumus runcing runding rundung runtuh rupa
rupiah rusak rusuh rute saat sabar sabit sabtu sabuk sabun sadar sadis sah sahabat sahut saing saja saji sakit sakral saksama saksi saku sakura salah
salak salam saldo sale saleh salem salib salin salju salmon salur sama samar sambal sambar sambil sambu sambung sambut samosir sampah sampai sampel
samping sampul sana sandal sandang sandar sandera sangar sangat sanggul sanggup sangka sangkar sangkut sansevieria santai santan santap santun sapa
sapi sapu saran sarang sari saring sarjana sarung sasar sate satin satu saudara saus save sawah sawo saya sayang sayap sayat sayu sayur scan
screenshot sebab sebal sebar sebelah sebentar seberang sebut sedang sedap sedekah sederhana sedia sedih sedikit sedot segala segan segar segel segera
segi segitiga sehat sejak sejarah sejati sejuk sekadar sekali sekap sekarang sekat sekitar sekolah sekop sekrup seksi selada selai selalu selam
selamat selang selaput selasa selatan selayang seledri seleksi selempang selendang selera selesai selidik selimut seling selip selisih selokan selop
selotip selubung seluruh semai semak semampai semangat semangka semat sembab sembah sembahyang sembako sembarang sembelih sembilan sembuh sembunyi
sembur semen sementara semir sempat sempit semprot sempurna semua semut senam senang senar sendal sendi sendiri sendok sendu sengaja sengat senggol
sengit sengsara seni seniman senin senja sentak senter senti sentimeter sentuh senyum sepak sepakat separuh sepatu sepeda sepele seperti sepi seprai
september sepupu serabut seragam serah serak serakah serang serangga serasi serba serbet serbu serbuk seret seri sering serius serok serta sertifikat
seruni sesak sesal sesat sesuai set setan setel setia setir setop setor setrika setrum setuju sewa sewot share siaga sial siang siantar siap siapa
siar siasat sibolga sibuk sidang sidik sifat sifon sigap siger sihir sikap sikat siksa siku sikut silahkan silakan silam silang silau silikon silver
simak simbah simbol simpan simpang simpel simpul sinar sindir singa singgah singgung singkap singkat singkir singkong singlet sini sintetis sinyal sip
siput siram sirih sirna sirup sisa sisih sisik sisip sisir sistem siswa sita situ situasi siul snack sobek sodor sofa sogok sohor soka sokong solek
solusi sombong sompel songket songsong sopan sopir sorak sore sorot sortir sosok soto souvenir speaker spesial spesifikasi spidol spiral spons staf
standar standing stapler staples stasiun statis status steker stempel steples steril stiker stok story strategi stres stroberi struk styrofoam suami
suap suara subsidi subuh subur suci sudah sudi sudut sujud suka sukar sukma sukses suku sukulen sulak sulam sulap sulit sultan sulung sulur sulut
sumatra sumbang sumbat sumber sumbu sumpah sumpit sumur sumut sunat sundul sungai sunggal sungguh sungkan sungkem sungut suntiang sunting sunyi supaya
supir supplier suram surat suruh surut susah sushi susu susul susun susut sutera sutra suvenir sweater syahdu syal syarat syok syukur taat tabah
tabebuya tabiat tabir tabrak tabuh tabung tabur tadah tadi tag tagar tagih tahan tahlil tahu tahun tajam takar takdir takjub takut takziah talak
talang talenan tali taman tambah tambak tambal tambat tampak tampan tampar tampik tampil tampung tamu tanah tanak tanam tanda tandas tanding tanduk
tandus tangan tangga tanggal tanggap tangguh tanggung tangis tangkai tangkap tangkas tangkis tanjung tanpa tantang tante tanya tapak tapanuli tapi
taplak tarif tarik taring tart taruh tas tata tatap tawa tawan tawar tawur tebak tebal tebang tebar tebas tebing tebu tebus teduh tega tegak tegang
tegar tegas tegel teguk tegur teh tekad tekan teknik teknologi teko tekuk tekun telah telan telanjang telat telaten telepon televisi telinga teliti
teluk telur telusur tema teman tembaga tembak tembakau tembikar tembok tembung tembus tempa tempat tempe tempel template tempo tempuh tempur temu
tenaga tenang tenda tendang tengah tenggat tenggelam tengok tentang tentara tenteng tentram tentu tenun teori tepat tepi tepis tepuk tepung terakota
terali terampil terang terap terapi teras terasi teratai terawang terbang terbit teriak terigu terik terima terjal terjang terjemah terjun terka
terlalu termin terminal termos ternak terobos terompet terong teropong terowongan terpal tertib terus testimoni tetangga tetap tetapi tetas tetes
tewas tiang tiap tiara tiba tidak tidur tiga tikam tikar tiket tiktok tikung tikus tile timba timbal timbang timbul timbun timpa timpal timur tindak
tindas tindih tinggal tinggi tingkah tingkat tinjau tinju tipe tipis tips tipu tirai tiram tiru tisu titik titip tiup toba toga toilet toko tokoh
tolak tolol tolong tong tonggak tongkat tonjok tonjol tonton topan topang topi tosca toska total tradisi tragis transaksi transfer triliun tripod tua
tuan tuang tubruk tuding tuduh tudung tugas tugu tuhan tuju tujuh tukang tukar tulang tuli tulip tulis tulle tulus tumbang tumbuh tumbuk tumit tumpah
tumpang tumpuk tumpul tunai tunang tunas tunda tunduk tunggak tunggu tungku tunik tunjang tunjuk tuntas tuntun tuntungan tuntut tupai turis turun
turut tusuk tutup tutur uang ubah uban ubin ucap udah udang udara udik ugal ujar uji ujung ukir ukur ulah ulang ular ulas ulat ulek ulet ulos ultah
ulung ulur umbar umbi umbul umpan umpat umpet umum umur undang undi unduh undur unggah unggas unggul unggun ungkap ungsi ungu unik unit unjuk untai
untuk untung upacara upah upaya update upload urai urap urat urus urut usah usaha usai usang usap usia usik usir ustad ustaz usul usung utama utang
utara utuh utus valentine valid varian variasi vas velvet verifikasi versi video vihara violet viral volume voucher wabah wadah wafat wafer wahana
waisak wajah wajan wajar wajib wakaf wakil waktu walau wali wangi wanita waras warga waris warna warta wartawan warung wasiat wasit waspada wastafel
wawancara website wewenang whatsapp wibawa wifi wilayah wisata wisatawan wisma wisuda wol wrap wrapping wujud yakin yang yatim zaman ziarah zinnia
zona zoom
`;
