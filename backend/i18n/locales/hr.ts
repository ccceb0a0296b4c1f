import type { Translation } from '../catalogues.ts';

/** Croatian (formal „vi“, lower-case as in the UI translation; „račun“ = invoice, „korisnički račun“ = account). */
const hr: Translation = {
  AccountError: {
    ALREADY_MEMBER: 'Ta je osoba već član ovog korisničkog računa.',
    INVITATION_NOT_FOUND:
      'Nismo pronašli taj poziv. Možda je bio namijenjen drugoj e-adresi.',
    INVITATION_EXPIRED:
      'Ovaj poziv više nije valjan. Zamolite vlasnika korisničkog računa da vas ponovno pozove.',
    MEMBER_NOT_FOUND: 'Ta osoba nije član ovog korisničkog računa.',
    LAST_OWNER:
      'Korisnički račun mora imati barem jednog vlasnika. Najprije nekom drugom dodijelite ulogu vlasnika.',
    NOT_A_MEMBER: 'Niste član tog korisničkog računa.',
    SESSION_NOT_FOUND: 'Nismo pronašli tu prijavu. Možda je već završena.',
    CURRENT_SESSION: 'To je prijava koju upravo upotrebljavate. Umjesto toga se odjavite.',
    OWNER_NEEDS_SECOND_FACTOR:
      'Najprije uključite sigurnosne kodove za sebe, a zatim ih možete učiniti obaveznima za sve.',
    UNTRUSTED_LINK: 'Poveznica mora voditi na jednu od stranica prodavatelja.',
    REMOVE_SELF: 'Ne možete ukloniti sami sebe iz korisničkog računa. Umjesto toga napustite ga.',
  },
  AddressError: {
    NOT_FOUND: 'Ta adresa nije u vašem adresaru.',
    TOO_MANY: 'Vaš je adresar pun. Najprije uklonite adresu koju više ne upotrebljavate.',
  },
  ChatError: {
    NOT_FOUND: 'Taj razgovor ne postoji.',
    ENDED: 'Ovaj je razgovor završen. Ako nam želite ponovno pisati, započnite novi razgovor.',
    TAKEN: 'Na ovaj razgovor već odgovara drugi član tima podrške.',
    NOT_WAITING: 'Ovaj razgovor ne čeka odgovor tima podrške.',
    NO_ACCOUNT:
      'Ovaj je razgovor započeo posjetitelj bez korisničkog računa; odgovorite u razgovoru, a odgovor će biti poslan e-poštom.',
    VISITOR_REQUIRED:
      'Da bismo vam mogli odgovoriti, unesite svoje ime i e-adresu ili se prijavite.',
    VISITOR_FILES: 'Prijavite se da biste u razgovoru mogli slati datoteke.',
    TOO_FAST:
      'Poruke šaljete brže nego što ih itko može pročitati. Pričekajte trenutak pa ponovno pošaljite poruku.',
    TOO_MANY_CHATS:
      'U posljednjih sat vremena započeli ste mnogo razgovora. Nastavite u otvorenom razgovoru ili pokušajte ponovno kasnije.',
    BAD_EVENT_ID: 'Razgovor nije moguće nastaviti od tog mjesta. Ponovno učitajte razgovor.',
    AGENT_NOT_FOUND: 'Razgovor je moguće preusmjeriti samo članu osoblja.',
    UPLOAD_NOT_FOUND:
      'Jedna od priloženih datoteka više nije dostupna. Uklonite je i ponovno je prenesite.',
    STAFF_SESSION:
      'Prijavljeni ste kao član osoblja; na razgovore odgovarajte u konzoli za osoblje.',
  },
  FileError: {
    NO_FILE: 'Odaberite datoteku koju želite prenijeti.',
    DAILY_LIMIT:
      'U posljednja 24 sata prenijeli ste {count} datoteka, što je najviše dopušteno. Pokušajte ponovno sutra ili nam pišite.',
    NO_ACCOUNT:
      'Ova prijava nije povezana ni s jednim korisničkim računom kojem bi se mogle priložiti datoteke.',
    NOT_FOUND: 'Nismo pronašli tu datoteku.',
    EMPTY: 'Datoteka „{name}” prazna je. Odaberite datoteku sa sadržajem.',
    TOO_LARGE:
      'Datoteka „{name}” veća je od {limit}, koliko je najviše dopušteno po datoteci. Smanjite je ili podijelite.',
    BODY_TOO_LARGE:
      'Pojedina datoteka smije biti velika najviše {limit}. Smanjite datoteku ili je podijelite.',
    MARKUP:
      '„{name}” je web-stranica ili datoteka SVG ili XML, a takve datoteke nije moguće priložiti. Umjesto toga spremite je kao PDF ili kao sliku u formatu PNG.',
    TYPE_NOT_ALLOWED:
      'Datoteka „{name}” nije podržane vrste. Možete priložiti slike (PNG, JPEG, GIF, WebP), PDF, obični tekst i uredske dokumente (Word, Excel, PowerPoint, OpenDocument).',
    NAME_MISMATCH:
      'Datoteka „{name}” ima nastavak .{extension}, ali sadržaj joj je {kind}. Preimenujte je u .{expected} ili je ponovno spremite.',
  },
  FileKind: {
    PNG: 'slika PNG',
    JPEG: 'slika JPEG',
    GIF: 'slika GIF',
    WEBP: 'slika WebP',
    PDF: 'dokument PDF',
    WORD: 'dokument Word',
    EXCEL: 'radna knjiga Excel',
    POWERPOINT: 'datoteka PowerPoint',
    OPENDOCUMENT_TEXT: 'tekst OpenDocument',
    OPENDOCUMENT_SPREADSHEET: 'proračunska tablica OpenDocument',
    OPENDOCUMENT_PRESENTATION: 'prezentacija OpenDocument',
    OFFICE: 'uredski dokument',
    TEXT: 'tekstna datoteka',
  },
  HelpError: {
    NOT_FOUND: 'Taj članak ne postoji u centru za pomoć.',
    CATEGORY_NOT_FOUND: 'Ta kategorija pomoći ne postoji.',
    SLUG_TAKEN: 'Drugi članak već upotrebljava ovu adresu. Odaberite drugu.',
    CATEGORY_SLUG_TAKEN: 'Druga kategorija već upotrebljava ovu adresu. Odaberite drugu.',
    NO_TRANSLATION: 'Prije objave napišite članak na barem jednom jeziku.',
    LAST_TRANSLATION:
      'Objavljeni članak mora postojati na barem jednom jeziku. Najprije povucite članak iz objave ili zadržite ovaj jezik.',
    TRANSLATION_NOT_FOUND: 'Ovaj članak nema teksta na tom jeziku.',
    CATEGORY_NOT_EMPTY: 'Najprije premjestite ili izbrišite članke iz ove kategorije.',
  },
  LedgerError: {
    INVOICE_NOT_FOUND: 'Nismo pronašli taj račun.',
    PAYMENT_NOT_FOUND: 'Nismo pronašli tu uplatu.',
    ACCOUNT_NOT_FOUND: 'Nismo pronašli taj korisnički račun.',
    ORDER_NOT_FOUND: 'Nismo pronašli tu narudžbu.',
    ORDER_NOT_SHIPPED:
      'Račun za narudžbu izdaje se nakon što je narudžba otpremljena ili isporučena.',
    ALREADY_INVOICED: 'Za ovu je narudžbu već izdan račun.',
    ALREADY_VOID: 'Ovaj je račun već poništen.',
    HAS_CREDIT_NOTES:
      'Za ovaj su račun izdana knjižna odobrenja. Nije ga moguće poništiti; umjesto toga izdajte još jedno knjižno odobrenje.',
    CREDIT_EXCEEDS_INVOICE: 'Knjižno odobrenje za račun ne može biti veće od iznosa računa.',
    INVOICE_VOID: 'Ovaj je račun poništen.',
    IDEMPOTENCY_KEY_REUSED:
      'Pod ovim je ključem zahtjeva već evidentirana druga uplata. Ponovno učitajte stranicu i ponovno evidentirajte uplatu.',
    FUTURE_DATE: 'Datum ne može biti u budućnosti.',
    BAD_RANGE: 'Početni datum ne smije biti nakon završnog datuma.',
    NO_BILLING_ADDRESS:
      'Ovaj korisnički račun još nema adresu za naplatu. Unesite adresu za naplatu za ovaj račun.',
    INVOICE_NOT_OPEN: 'Uplatu je moguće povezati samo s računom koji još nije u cijelosti plaćen.',
    ALLOCATION_EXCEEDS_DUE:
      'Dio uplate povezan s računom ne može biti veći od iznosa koji je po tom računu još za plaćanje.',
    ALLOCATION_EXCEEDS_PAYMENT: 'Zbroj iznosa povezanih s računima veći je od iznosa uplate.',
  },
  NotificationError: {
    NOT_FOUND: 'Ta obavijest ne postoji. Ponovno učitajte popis i pokušajte opet.',
  },
  OrderError: {
    NOT_FOUND: 'Nismo pronašli tu narudžbu.',
    UNAVAILABLE:
      'Neki se proizvodi iz vaše košarice više ne prodaju. Uklonite ih i ponovno provjerite narudžbu.',
    OUT_OF_STOCK:
      'Nažalost, neki su proizvodi rasprodani dok ste naručivali. Provjerite košaricu: u njoj prikazujemo što je još dostupno.',
    PRICE_CHANGED:
      'Cijene ili troškovi dostave promijenili su se otkad ste provjerili narudžbu. Provjerite novi ukupni iznos i ponovno pošaljite narudžbu.',
    IDEMPOTENCY_KEY_REUSED:
      'Ova je narudžba već poslana s drukčijim sadržajem. Provjerite narudžbu i ponovno je pošaljite.',
    ALREADY_SHIPPED:
      'Ova je narudžba već otpremljena pa je ovdje više nije moguće mijenjati. Otvorite zahtjev za ovu narudžbu i rado ćemo vam pomoći.',
    ALREADY_CANCELLED: 'Ova je narudžba otkazana pa je više nije moguće mijenjati.',
    SHIPPING_ZONE_CHANGED:
      'Dostava u tu državu ima drukčiju cijenu pa adresu ove narudžbe nije moguće promijeniti. Otvorite zahtjev za ovu narudžbu i rado ćemo vam pomoći.',
    NOT_NEXT_STEP: 'Narudžba iz trenutačnog statusa ne može prijeći u taj status.',
    TRACKING_NEEDS_SHIPMENT: 'Broj za praćenje može se dodati tek kad je narudžba otpremljena.',
  },
  SessionError: {
    SECOND_FACTOR_REQUIRED:
      'Da biste nastavili, postavite sigurnosne kodove (dodatni korak pri prijavi): za vas su obavezni.',
  },
  TicketError: {
    NOT_FOUND: 'Taj zahtjev ne postoji u ovom korisničkom računu.',
    ORDER_NOT_FOUND: 'Ta narudžba ne pripada ovom korisničkom računu.',
    UNKNOWN_CATEGORY: 'Odaberite jednu od navedenih kategorija.',
    KIND_NOT_OFFERED: 'Odaberite jednu od vrsta zahtjeva ponuđenih u obrascu.',
    UPLOAD_NOT_FOUND:
      'Jedna od priloženih datoteka više nije dostupna. Uklonite je i ponovno je prenesite.',
    CLOSED: 'Ovaj je zahtjev zatvoren. Ponovno ga otvorite da biste u njemu mogli pisati.',
    MERGED: 'Ovaj je zahtjev objedinjen s drugim zahtjevom; nastavite pisati ondje.',
    NOT_CLOSABLE: 'Ovaj je zahtjev već zatvoren.',
    NOT_REOPENABLE: 'Ponovno je moguće otvoriti samo riješen ili zatvoren zahtjev.',
    NOT_RESOLVED: 'Odgovor možete ocijeniti kada zahtjev bude riješen.',
    ALREADY_RATED: 'Ovaj je zahtjev već ocijenjen.',
    SAME_TICKET: 'Zahtjev nije moguće objediniti sa samim sobom.',
    OTHER_ACCOUNT: 'Objediniti je moguće samo zahtjeve istog korisničkog računa.',
    NOT_AN_AGENT: 'Zahtjeve je moguće dodijeliti samo članovima osoblja.',
    UNTRUSTED_LINK: 'Ta stranica ne pripada nijednom web-mjestu portala.',
    CANNED_NOT_FOUND: 'Taj spremljeni odgovor ne postoji.',
    BAD_CURSOR: 'Ova poveznica na stranicu više nije valjana. Počnite ponovno od prve stranice.',
    CURSOR_OTHER_SORT:
      'Ova poveznica na stranicu odnosi se na drukčiji redoslijed razvrstavanja. Počnite ponovno od prve stranice.',
    CANNED_TAKEN: 'Spremljeni odgovor s tim naslovom već postoji.',
    IDEMPOTENCY_KEY_REUSED:
      'Pod istim je identifikatorom slanja već poslana druga poruka. Ponovno učitajte stranicu i ponovno pošaljite svoju poruku.',
  },
  ServerError: {
    INTERNAL: 'Došlo je do pogreške na našoj strani. Pokušajte ponovno za nekoliko trenutaka.',
    INVALID_FIELDS: 'Neka polja nisu ispravno ispunjena.',
    SIGN_IN: 'Prijavite se.',
    NO_CUSTOMER_ACCOUNT: 'Ova prijava nije povezana ni s jednim korisničkim računom.',
    BUYER_ONLY:
      'Vaša uloga u ovom korisničkom računu omogućuje pregled narudžbi, ali ne i njihovo slanje ili mijenjanje. Obratite se vlasniku korisničkog računa.',
    OWNER_ONLY: 'To može učiniti samo vlasnik ovog korisničkog računa.',
    STAFF_ONLY: 'Za to je potrebna prijava člana osoblja.',
    ADMIN_ONLY: 'Za to su potrebne administratorske ovlasti.',
    BAD_CURSOR: 'Ova poveznica na stranicu više nije valjana. Počnite ponovno od prve stranice.',
    RATE_LIMITED: 'Previše pokušaja. Pokušajte ponovno {when}.',
    NUL_CHARACTER: 'Tekst sadrži znak NUL, koji se ne može spremiti. Uklonite ga i pokušajte ponovno.',
  },
  AccountMail: {
    GREETING: 'Dobar dan, {name},',
    VERIFY_SUBJECT: 'Potvrdite svoju e-adresu za {vendor}',
    VERIFY_HEADING: 'Potvrdite svoju e-adresu',
    VERIFY_BODY:
      'Molimo vas da potvrdite da je ovo e-adresa vašeg korisničkog računa ({vendor}).',
    VERIFY_ACTION: 'Potvrdite e-adresu',
    VERIFY_IGNORE: 'Ako se niste registrirali, ovu poruku možete zanemariti.',
    RESET_SUBJECT: 'Postavite novu lozinku za {vendor}',
    RESET_HEADING: 'Postavite novu lozinku',
    RESET_BODY:
      'Netko je zatražio postavljanje nove lozinke za vaš korisnički račun ({vendor}). Poveznica vrijedi sat vremena.',
    RESET_ACTION: 'Odaberite novu lozinku',
    RESET_IGNORE:
      'Ako to niste bili vi, zanemarite ovu poruku: vaša lozinka ostaje nepromijenjena.',
    INVITE_SUBJECT: '{inviter} vas poziva da se pridružite korisničkom računu {account} ({vendor})',
    INVITE_HEADING: 'Pridružite se korisničkom računu {account}',
    INVITE_BODY:
      '{inviter} vas poziva da se pridružite korisničkom računu {account} u klijentskom portalu {vendor}, u kojem možete pratiti narudžbe, račune i zahtjeve tog korisničkog računa. Da biste prihvatili poziv, prijavite se ili izradite korisnički račun s ovom e-adresom. Poziv vrijedi sedam dana.',
    INVITE_ACTION: 'Pogledajte poziv',
    INVITE_IGNORE: 'Ako ne poznajete osobu {inviter}, ovu poruku možete zanemariti.',
  },
  SecurityMail: {
    SIGN_IN_SUBJECT: 'Vaš kod za prijavu ({vendor})',
    SIGN_IN_HEADING: 'Vaš kod za prijavu',
    SIGN_IN_BODY:
      'Kod za prijavu u vaš korisnički račun za {vendor} glasi: {code}. Može se upotrijebiti jednom, u roku od deset minuta.',
    SECOND_FACTOR_SUBJECT: 'Vaš sigurnosni kod ({vendor})',
    SECOND_FACTOR_HEADING: 'Vaš sigurnosni kod',
    SECOND_FACTOR_BODY:
      'Vaš sigurnosni kod za {vendor} glasi: {code}. Može se upotrijebiti jednom, u roku od pet minuta.',
    NOT_YOU:
      'Ako se niste pokušali prijaviti, promijenite lozinku: možda je netko zna.',
    NEW_DEVICE_SUBJECT: 'Nova prijava u vaš korisnički račun ({vendor})',
    NEW_DEVICE_HEADING: 'Nova prijava',
    NEW_DEVICE_BODY:
      'Dobar dan, {name}, netko se upravo prijavio u vaš korisnički račun za {vendor} putem preglednika koji dosad niste upotrebljavali.',
    NEW_DEVICE_BODY_FROM:
      'Dobar dan, {name}, netko se upravo prijavio u vaš korisnički račun za {vendor} putem preglednika koji dosad niste upotrebljavali ({device}).',
    NEW_DEVICE_ADDRESS: 'IP adresa {ip}',
    NEW_DEVICE_ADVICE:
      'Ako ste to bili vi, ne trebate ništa poduzeti. Ako niste, promijenite lozinku i odjavite se sa svih uređaja u sigurnosnim postavkama svojeg korisničkog računa.',
  },
  NotificationMail: {
    GREETING: 'Dobar dan, {name},',
    SUBJECT: '{heading} ({vendor})',
    ORDER_CONFIRMED_HEADING: 'Narudžba {order} potvrđena je',
    ORDER_CONFIRMED_TEXT: 'Potvrdili smo vašu narudžbu {order}.',
    ORDER_SHIPPED_HEADING: 'Narudžba {order} otpremljena je',
    ORDER_SHIPPED_TEXT: 'Vaša je narudžba {order} na putu.',
    ORDER_SHIPPED_TRACKING_TEXT:
      'Vaša je narudžba {order} na putu. Broj za praćenje pošiljke: {tracking}.',
    ORDER_DELIVERED_HEADING: 'Narudžba {order} isporučena je',
    ORDER_DELIVERED_TEXT: 'Vaša je narudžba {order} isporučena.',
    ORDER_CANCELLED_HEADING: 'Narudžba {order} otkazana je',
    ORDER_CANCELLED_TEXT: 'Vaša je narudžba {order} otkazana.',
    ORDER_DELAYED_HEADING: 'Narudžba {order} kasni',
    ORDER_DELAYED_TEXT:
      'Vašu narudžbu {order} obećali smo isporučiti do {date}, ali još nije stigla. Radimo na tome i javit ćemo vam čim bude otpremljena.',
    INVOICE_ISSUED_HEADING: 'Novi račun {invoice}',
    INVOICE_ISSUED_TEXT:
      'Račun {invoice} u iznosu od {amount}, s rokom plaćanja {date}, dostupan je u portalu.',
    INVOICE_DUE_HEADING: 'Rok plaćanja računa {invoice} ističe {when}',
    INVOICE_DUE_TEXT:
      'Rok plaćanja računa {invoice} u iznosu od {amount} ističe {date}, odnosno {when}.',
    INVOICE_DUE_TODAY_HEADING: 'Rok plaćanja računa {invoice} ističe danas',
    INVOICE_DUE_TODAY_TEXT: 'Rok plaćanja računa {invoice} u iznosu od {amount} ističe danas.',
    INVOICE_OVERDUE_HEADING: 'Rok plaćanja računa {invoice} istekao je',
    INVOICE_OVERDUE_TEXT:
      'Rok plaćanja računa {invoice} u iznosu od {amount} istekao je {date}, odnosno {ago}. Ako ste račun već platili, zahvaljujemo vam i molimo da zanemarite ovu poruku.',
    PAYMENT_POSTED_HEADING: 'Primljena uplata u iznosu od {amount}',
    PAYMENT_POSTED_TEXT: 'Primili smo vašu uplatu u iznosu od {amount}. Hvala vam.',
    TICKET_ANSWERED_HEADING: 'Novi odgovor na zahtjev {ticket}',
    TICKET_ANSWERED_TEXT: 'Na vaš zahtjev {ticket} ({subject}) stigao je novi odgovor.',
    CHAT_MISSED_HEADING: 'Propustili smo vaš razgovor',
    CHAT_MISSED_TEXT:
      'Kad ste nam pisali, nažalost nitko nije bio slobodan za razgovor. Odgovorit ćemo vam čim budemo mogli.',
    CHAT_MISSED_TICKET_TEXT:
      'Kad ste nam pisali, nažalost nitko nije bio slobodan za razgovor. Vaše poruke sada čine zahtjev {ticket}; odgovorit ćemo vam na njega čim budemo mogli.',
    ACTION_LINK: 'Pogledajte u portalu: {link}',
    ACTION_SIGN_IN: 'Prijavite se u klijentski portal {vendor} da biste vidjeli pojedinosti.',
    BUTTON: 'Otvorite portal',
    FOOTER:
      'Odabrali ste primanje ovih obavijesti e-poštom; to možete promijeniti u postavkama obavijesti u portalu.',
  },
  OrderMail: {
    GREETING: 'Dobar dan, {name},',
    PLACED_SUBJECT: 'Vaša narudžba {order} ({vendor})',
    PLACED_HEADING: 'Narudžba {order} zaprimljena je',
    PLACED_BODY: 'Hvala vam na narudžbi {order}. Javit ćemo vam čim bude otpremljena.',
    SHIPPED_SUBJECT: 'Vaša narudžba {order} otpremljena je ({vendor})',
    SHIPPED_HEADING: 'Narudžba {order} otpremljena je',
    SHIPPED_BODY: 'Vaša je narudžba {order} na putu. Adresa dostave: {address}.',
    SHIPPED_TRACKING_BODY:
      'Vaša je narudžba {order} na putu. Adresa dostave: {address}. Broj za praćenje pošiljke: {tracking}.',
    SHIPPING: 'Dostava',
    TOTAL: 'Ukupno',
    TOTAL_WITH_TAX: 'Ukupno (s PDV-om)',
    SHIP_TO: 'Adresa dostave: {address}',
  },
  ChatMail: {
    GREETING: 'Dobar dan, {name},',
    SUBJECT: '{agent} vam odgovara u razgovoru',
    HEADING: 'Odgovor u vašem razgovoru',
    BODY: '{agent} vam odgovara u razgovoru:',
    ACTION_LINK: 'Razgovor možete nastaviti ovdje: {link}',
    ACTION_SITE: 'Otvorite razgovor na web-mjestu {vendor} da biste ga nastavili.',
  },
  TicketMail: {
    GREETING: 'Dobar dan, {name},',
    ANSWER_BODY: '{agent} vam odgovara na zahtjev {ticket}:',
    ANSWER_HEADING: 'Odg: {subject}',
    ACTION_LINK: 'Ovdje možete pročitati cijeli razgovor i odgovoriti: {link}',
    ACTION_SIGN_IN: 'Prijavite se u klijentski portal {vendor} da biste odgovorili.',
    BUTTON: 'Otvorite zahtjev',
    NO_REPLY: 'Odgovorite u portalu; odgovore na ovu e-poruku ne čitamo.',
  },
  InvoiceText: {
    DOCUMENT_TITLE: 'Račun {number}',
    HEADING: 'Račun',
    HEADING_VOID: 'Račun (poništen)',
    NUMBER: 'Broj',
    ISSUED: 'Datum računa',
    DUE: 'Rok plaćanja',
    ORDER: 'Narudžba',
    BILL_TO: 'Kupac',
    DESCRIPTION: 'Opis',
    QUANTITY: 'Kol.',
    UNIT_PRICE: 'Jed. cijena',
    TAX_RATE: 'PDV',
    AMOUNT: 'Iznos',
    SUBTOTAL: 'Međuzbroj',
    TAX: 'PDV',
    TOTAL: 'Ukupno',
    PAID: 'Plaćeno',
    AMOUNT_DUE: 'Za plaćanje',
    PAYMENT: 'Uplata {date}: {amount}',
    PAYMENT_REFERENCE: 'Uplata {date} ({reference}): {amount}',
    CREDIT_NOTE: 'Odobrenje {date}: {amount}',
    CREDIT_NOTE_REFERENCE: 'Odobrenje {date} ({reference}): {amount}',
    VOID_REASON: 'Razlog poništenja: {reason}',
  },
  StatementText: {
    DATE: 'Datum',
    TYPE: 'Vrsta',
    NUMBER: 'Broj',
    REFERENCE: 'Referenca',
    DEBIT: 'Duguje ({currency})',
    CREDIT: 'Potražuje ({currency})',
    BALANCE: 'Stanje ({currency})',
    OPENING_BALANCE: 'početno stanje',
    CLOSING_BALANCE: 'završno stanje',
    INVOICE: 'račun',
    PAYMENT: 'uplata',
    CREDIT_NOTE: 'knjižno odobrenje',
    BANK_TRANSFER: 'bankovni prijenos',
    CARD: 'kartica',
    CASH: 'gotovina',
    OTHER: 'ostalo',
  },
};

export default hr;
