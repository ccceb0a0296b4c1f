import type { Translation } from '../catalogues.ts';

/** Latvian (polite „jūs“). */
const lv: Translation = {
  AccountError: {
    ALREADY_MEMBER: 'Šī persona jau ir pievienota šim kontam.',
    INVITATION_NOT_FOUND:
      'Neizdevās atrast šo ielūgumu. Iespējams, tas bija paredzēts citai e-pasta adresei.',
    INVITATION_EXPIRED:
      'Šis ielūgums vairs nav derīgs. Lūdziet konta īpašnieku uzaicināt jūs vēlreiz.',
    MEMBER_NOT_FOUND: 'Šī persona nav šī konta dalībnieks.',
    LAST_OWNER:
      'Kontam jābūt vismaz vienam īpašniekam. Vispirms piešķiriet īpašnieka lomu kādam citam.',
    NOT_A_MEMBER: 'Jūs neesat šī konta dalībnieks.',
    SESSION_NOT_FOUND:
      'Neizdevās atrast šo pieslēgšanos. Iespējams, tā jau ir beigusies.',
    CURRENT_SESSION: 'Šo pieslēgšanos jūs izmantojat pašlaik. Tā vietā atslēdzieties.',
    OWNER_NEEDS_SECOND_FACTOR:
      'Vispirms ieslēdziet drošības kodus sev; pēc tam varēsiet tos pieprasīt visiem.',
    UNTRUSTED_LINK: 'Saitei jāved uz kādu no pārdevēja vietnes lapām.',
    REMOVE_SELF: 'Jūs nevarat izņemt sevi no konta. Tā vietā pametiet to.',
  },
  AddressError: {
    NOT_FOUND: 'Šīs adreses nav jūsu adrešu grāmatā.',
    TOO_MANY:
      'Jūsu adrešu grāmata ir pilna. Vispirms izņemiet kādu adresi, kuru vairs neizmantojat.',
  },
  ChatError: {
    NOT_FOUND: 'Šāda tērzēšana nepastāv.',
    ENDED: 'Šī tērzēšana ir beigusies. Lai rakstītu vēlreiz, sāciet jaunu.',
    TAKEN: 'Uz šo tērzēšanu jau atbild cits darbinieks.',
    NOT_WAITING: 'Šī tērzēšana negaida darbinieka atbildi.',
    NO_ACCOUNT:
      'Šo tērzēšanu sāka apmeklētājs bez klienta konta; atbildiet tērzēšanā, un atbilde tiks nosūtīta pa e-pastu.',
    VISITOR_REQUIRED:
      'Norādiet savu vārdu un e-pasta adresi, lai mēs varētu jums atbildēt, vai pieslēdzieties.',
    VISITOR_FILES: 'Lai tērzēšanā sūtītu failus, pieslēdzieties.',
    TOO_FAST:
      'Jūs sūtāt ziņas ātrāk, nekā tās iespējams izlasīt. Brīdi uzgaidiet un tad sūtiet vēlreiz.',
    TOO_MANY_CHATS:
      'Pēdējās stundas laikā jūs sākāt daudz tērzēšanu. Lūdzu, turpiniet savu atvērto tērzēšanu vai mēģiniet vēlreiz vēlāk.',
    BAD_EVENT_ID: 'Tērzēšanu nevar turpināt no šīs vietas. Pārlādējiet tērzēšanu.',
    AGENT_NOT_FOUND: 'Tērzēšanu var nodot tikai darbiniekam.',
    UPLOAD_NOT_FOUND:
      'Viens no pievienotajiem failiem vairs nav pieejams. Izņemiet to un augšupielādējiet vēlreiz.',
    STAFF_SESSION:
      'Jūs izmantojat darbinieka kontu; uz tērzēšanām atbildiet darbinieku konsolē.',
  },
  FileError: {
    NO_FILE: 'Izvēlieties augšupielādējamo failu.',
    DAILY_LIMIT:
      'Pēdējās diennakts laikā augšupielādēti {count} faili — tas ir maksimālais skaits. Mēģiniet vēlreiz rīt vai rakstiet mums.',
    NO_ACCOUNT: 'Šim lietotājam nav piesaistīta klienta konta, kuram pievienot failus.',
    NOT_FOUND: 'Neizdevās atrast šo failu.',
    EMPTY: '„{name}” ir tukšs. Izvēlieties failu ar saturu.',
    TOO_LARGE:
      '„{name}” ir lielāks par {limit} — maksimālo viena faila izmēru. Samaziniet failu vai sadaliet to vairākos.',
    BODY_TOO_LARGE:
      'Viena faila izmērs nedrīkst pārsniegt {limit}. Samaziniet failu vai sadaliet to vairākos.',
    MARKUP:
      '„{name}” ir tīmekļa lapa, SVG vai XML fails, ko nevar pievienot. Tā vietā saglabājiet to kā PDF vai PNG attēlu.',
    TYPE_NOT_ALLOWED:
      '„{name}” nav atļauta veida fails. Varat pievienot attēlus (PNG, JPEG, GIF, WebP), PDF, vienkārša teksta failus un biroja dokumentus (Word, Excel, PowerPoint, OpenDocument).',
    NAME_MISMATCH:
      'Faila „{name}” nosaukums beidzas ar .{extension}, bet tā saturs ir {kind}. Pārdēvējiet to par .{expected} vai saglabājiet vēlreiz.',
  },
  FileKind: {
    PNG: 'PNG attēls',
    JPEG: 'JPEG attēls',
    GIF: 'GIF attēls',
    WEBP: 'WebP attēls',
    PDF: 'PDF dokuments',
    WORD: 'Word dokuments',
    EXCEL: 'Excel darbgrāmata',
    POWERPOINT: 'PowerPoint fails',
    OPENDOCUMENT_TEXT: 'OpenDocument teksts',
    OPENDOCUMENT_SPREADSHEET: 'OpenDocument izklājlapa',
    OPENDOCUMENT_PRESENTATION: 'OpenDocument prezentācija',
    OFFICE: 'biroja dokuments',
    TEXT: 'teksta fails',
  },
  HelpError: {
    NOT_FOUND: 'Palīdzības centrā nav šāda raksta.',
    CATEGORY_NOT_FOUND: 'Šādas palīdzības kategorijas nav.',
    SLUG_TAKEN: 'Šo adresi jau izmanto cits raksts. Izvēlieties citu.',
    CATEGORY_SLUG_TAKEN: 'Šo adresi jau izmanto cita kategorija. Izvēlieties citu.',
    NO_TRANSLATION: 'Pirms publicēšanas uzrakstiet rakstu vismaz vienā valodā.',
    LAST_TRANSLATION:
      'Publicētam rakstam jābūt vismaz vienā valodā. Vispirms atceliet tā publicēšanu vai paturiet šo valodu.',
    TRANSLATION_NOT_FOUND: 'Šim rakstam nav teksta šajā valodā.',
    CATEGORY_NOT_EMPTY: 'Vispirms pārvietojiet vai izdzēsiet šīs kategorijas rakstus.',
  },
  LedgerError: {
    INVOICE_NOT_FOUND: 'Neizdevās atrast šo rēķinu.',
    PAYMENT_NOT_FOUND: 'Neizdevās atrast šo maksājumu.',
    ACCOUNT_NOT_FOUND: 'Neizdevās atrast šo klienta kontu.',
    ORDER_NOT_FOUND: 'Neizdevās atrast šo pasūtījumu.',
    ORDER_NOT_SHIPPED: 'Rēķinu par pasūtījumu izraksta, kad tas ir nosūtīts vai piegādāts.',
    ALREADY_INVOICED: 'Šim pasūtījumam jau ir izrakstīts rēķins.',
    ALREADY_VOID: 'Šis rēķins jau ir anulēts.',
    HAS_CREDIT_NOTES:
      'Šim rēķinam ir izrakstīti kredītrēķini. To nevar anulēt; tā vietā izrakstiet vēl vienu kredītrēķinu.',
    CREDIT_EXCEEDS_INVOICE: 'Kredītrēķina summa nedrīkst pārsniegt rēķina summu.',
    INVOICE_VOID: 'Šis rēķins ir anulēts.',
    IDEMPOTENCY_KEY_REUSED:
      'Ar šo pieprasījuma atslēgu jau ir reģistrēts cits maksājums. Pārlādējiet lapu un reģistrējiet maksājumu vēlreiz.',
    FUTURE_DATE: 'Datums nedrīkst būt nākotnē.',
    BAD_RANGE: 'Sākuma datums nedrīkst būt vēlāks par beigu datumu.',
    NO_BILLING_ADDRESS:
      'Šim kontam vēl nav norēķinu adreses. Ievadiet norēķinu adresi šim rēķinam.',
    INVOICE_NOT_OPEN: 'Maksājumu var piesaistīt tikai rēķinam, kuram vēl ir neapmaksāta summa.',
    ALLOCATION_EXCEEDS_DUE:
      'Rēķinam no maksājuma nevar piesaistīt lielāku summu, nekā par to vēl jāmaksā.',
    ALLOCATION_EXCEEDS_PAYMENT: 'Rēķiniem norādītās summas kopā pārsniedz maksājuma summu.',
  },
  NotificationError: {
    NOT_FOUND: 'Šāda paziņojuma nav. Pārlādējiet sarakstu un mēģiniet vēlreiz.',
  },
  OrderError: {
    NOT_FOUND: 'Neizdevās atrast šo pasūtījumu.',
    UNAVAILABLE:
      'Dažas preces jūsu grozā vairs netiek pārdotas. Izņemiet tās un vēlreiz pārskatiet pasūtījumu.',
    OUT_OF_STOCK:
      'Diemžēl, kamēr veicāt pasūtījumu, dažas preces tika izpārdotas. Pārskatiet savu grozu: tajā redzams, kas vēl ir pieejams.',
    PRICE_CHANGED:
      'Kopš pasūtījuma pārskatīšanas ir mainījušās cenas vai piegādes izmaksas. Pārbaudiet jauno kopsummu un iesniedziet pasūtījumu vēlreiz.',
    IDEMPOTENCY_KEY_REUSED:
      'Šis pasūtījums jau tika iesniegts ar citu saturu. Pārskatiet pasūtījumu un iesniedziet to vēlreiz.',
    ALREADY_SHIPPED:
      'Šis pasūtījums jau ir nosūtīts, tāpēc šeit to vairs nevar mainīt. Izveidojiet pieteikumu par šo pasūtījumu, un mēs palīdzēsim.',
    ALREADY_CANCELLED: 'Šis pasūtījums tika atcelts, tāpēc to vairs nevar mainīt.',
    SHIPPING_ZONE_CHANGED:
      'Piegāde uz šo valsti maksā citu summu, tāpēc šī pasūtījuma adresi nevar mainīt. Izveidojiet pieteikumu par šo pasūtījumu, un mēs palīdzēsim.',
    NOT_NEXT_STEP: 'Pasūtījumu no pašreizējā statusa nevar pārslēgt uz šo statusu.',
    TRACKING_NEEDS_SHIPMENT: 'Izsekošanas numuru var pievienot, kad pasūtījums ir nosūtīts.',
  },
  SessionError: {
    SECOND_FACTOR_REQUIRED:
      'Lai turpinātu, iestatiet drošības kodus (otru soli pieslēdzoties): jums tie ir obligāti.',
  },
  TicketError: {
    NOT_FOUND: 'Šajā kontā nav šāda pieteikuma.',
    ORDER_NOT_FOUND: 'Šis pasūtījums nav šajā kontā.',
    UNKNOWN_CATEGORY: 'Izvēlieties kādu no norādītajām kategorijām.',
    KIND_NOT_OFFERED: 'Izvēlieties kādu no veidlapā piedāvātajiem pieprasījuma veidiem.',
    UPLOAD_NOT_FOUND:
      'Viens no pievienotajiem failiem vairs nav pieejams. Izņemiet to un augšupielādējiet vēlreiz.',
    CLOSED: 'Šis pieteikums ir slēgts. Lai tajā rakstītu, atveriet to no jauna.',
    MERGED: 'Šis pieteikums ir apvienots ar citu; lūdzu, rakstiet tur.',
    NOT_CLOSABLE: 'Šis pieteikums jau ir slēgts.',
    NOT_REOPENABLE: 'No jauna var atvērt tikai atrisinātu vai slēgtu pieteikumu.',
    NOT_RESOLVED: 'Atbildi varēsiet novērtēt, kad pieteikums būs atrisināts.',
    ALREADY_RATED: 'Šis pieteikums jau ir novērtēts.',
    SAME_TICKET: 'Pieteikumu nevar apvienot pašu ar sevi.',
    OTHER_ACCOUNT: 'Apvienot var tikai viena klienta konta pieteikumus.',
    NOT_AN_AGENT: 'Pieteikumus var piešķirt tikai darbiniekiem.',
    UNTRUSTED_LINK: 'Šī lapa neatrodas nevienā no portāla vietnēm.',
    CANNED_NOT_FOUND: 'Šādas saglabātas atbildes nav.',
    BAD_CURSOR: 'Šī lapas saite vairs nav derīga. Sāciet vēlreiz no pirmās lapas.',
    CURSOR_OTHER_SORT:
      'Šī lapas saite attiecas uz citu kārtojumu. Sāciet vēlreiz no pirmās lapas.',
    CANNED_TAKEN: 'Saglabāta atbilde ar šādu nosaukumu jau pastāv.',
    IDEMPOTENCY_KEY_REUSED:
      'Ar šo pieprasījuma atslēgu jau ir nosūtīta cita ziņa. Pārlādējiet lapu un nosūtiet savu ziņu vēlreiz.',
  },
  ServerError: {
    INTERNAL: 'Mūsu pusē radās kļūda. Lūdzu, pēc brīža mēģiniet vēlreiz.',
    INVALID_FIELDS: 'Daži lauki nav aizpildīti pareizi.',
    SIGN_IN: 'Lūdzu, pieslēdzieties.',
    NO_CUSTOMER_ACCOUNT: 'Šim lietotājam nav piesaistīta klienta konta.',
    BUYER_ONLY:
      'Ar jūsu lomu šajā kontā varat skatīt pasūtījumus, bet nevarat tos veikt vai mainīt. Vērsieties pie konta īpašnieka.',
    OWNER_ONLY: 'To var izdarīt tikai šī konta īpašnieks.',
    STAFF_ONLY: 'Šim nolūkam jāpieslēdzas ar darbinieka kontu.',
    ADMIN_ONLY: 'Šim nolūkam nepieciešamas administratora tiesības.',
    BAD_CURSOR: 'Šī lapas saite vairs nav derīga. Sāciet vēlreiz no pirmās lapas.',
    RATE_LIMITED: 'Pārāk daudz mēģinājumu. Mēģiniet vēlreiz {when}.',
    NUL_CHARACTER: 'Tekstā ir rakstzīme NUL, ko nevar saglabāt. Izņemiet to un mēģiniet vēlreiz.',
  },
  AccountMail: {
    GREETING: 'Labdien, {name}!',
    VERIFY_SUBJECT: '{vendor}: apstipriniet savu e-pasta adresi',
    VERIFY_HEADING: 'Apstipriniet savu e-pasta adresi',
    VERIFY_BODY: 'Lūdzu, apstipriniet, ka šī ir jūsu {vendor} konta e-pasta adrese.',
    VERIFY_ACTION: 'Apstiprināt e-pasta adresi',
    VERIFY_IGNORE: 'Ja nereģistrējāties, varat šo ziņu ignorēt.',
    RESET_SUBJECT: '{vendor}: paroles atiestatīšana',
    RESET_HEADING: 'Paroles atiestatīšana',
    RESET_BODY:
      'Ir saņemts pieprasījums atiestatīt jūsu {vendor} konta paroli. Saite ir derīga vienu stundu.',
    RESET_ACTION: 'Izvēlēties jaunu paroli',
    RESET_IGNORE:
      'Ja to nepieprasījāt jūs, neņemiet šo ziņu vērā: jūsu parole paliks nemainīta.',
    INVITE_SUBJECT: '{inviter} aicina jūs pievienoties kontam „{account}” ({vendor})',
    INVITE_HEADING: 'Pievienojieties kontam „{account}”',
    INVITE_BODY:
      '{inviter} aicina jūs pievienoties kontam „{account}” {vendor} klientu portālā, kur varat sekot konta pasūtījumiem, rēķiniem un pieteikumiem. Lai pieņemtu ielūgumu, pieslēdzieties vai izveidojiet kontu ar šo e-pasta adresi. Ielūgums ir derīgs septiņas dienas.',
    INVITE_ACTION: 'Skatīt ielūgumu',
    INVITE_IGNORE: 'Ja nepazīstat ielūguma sūtītāju ({inviter}), varat šo ziņu ignorēt.',
  },
  SecurityMail: {
    SIGN_IN_SUBJECT: '{vendor}: jūsu pieslēgšanās kods',
    SIGN_IN_HEADING: 'Jūsu pieslēgšanās kods',
    SIGN_IN_BODY:
      'Kods pieslēgšanai jūsu {vendor} kontam: {code}. To var izmantot vienu reizi, un tas ir derīgs desmit minūtes.',
    SECOND_FACTOR_SUBJECT: '{vendor}: jūsu drošības kods',
    SECOND_FACTOR_HEADING: 'Jūsu drošības kods',
    SECOND_FACTOR_BODY:
      'Jūsu {vendor} drošības kods: {code}. To var izmantot vienu reizi, un tas ir derīgs piecas minūtes.',
    NOT_YOU:
      'Ja jūs nemēģinājāt pieslēgties, nomainiet paroli: iespējams, kāds to zina.',
    NEW_DEVICE_SUBJECT: 'Jauna pieslēgšanās jūsu {vendor} kontam',
    NEW_DEVICE_HEADING: 'Jauna pieslēgšanās',
    NEW_DEVICE_BODY:
      'Labdien, {name}! Kāds tikko pieslēdzās jūsu {vendor} kontam no pārlūka, kas līdz šim nav ticis izmantots.',
    NEW_DEVICE_BODY_FROM:
      'Labdien, {name}! Kāds tikko pieslēdzās jūsu {vendor} kontam no pārlūka, kas līdz šim nav ticis izmantots ({device}).',
    NEW_DEVICE_ADDRESS: 'IP adrese {ip}',
    NEW_DEVICE_ADVICE:
      'Ja tas bijāt jūs, nekas nav jādara. Ja ne, nomainiet paroli un konta drošības sadaļā atslēdzieties visās ierīcēs.',
  },
  NotificationMail: {
    GREETING: 'Labdien, {name}!',
    SUBJECT: '{heading} ({vendor})',
    ORDER_CONFIRMED_HEADING: 'Pasūtījums {order} ir apstiprināts',
    ORDER_CONFIRMED_TEXT: 'Mēs apstiprinājām jūsu pasūtījumu {order}.',
    ORDER_SHIPPED_HEADING: 'Pasūtījums {order} ir nosūtīts',
    ORDER_SHIPPED_TEXT: 'Jūsu pasūtījums {order} ir ceļā.',
    ORDER_SHIPPED_TRACKING_TEXT:
      'Jūsu pasūtījums {order} ir ceļā. Izsekošanas numurs: {tracking}.',
    ORDER_DELIVERED_HEADING: 'Pasūtījums {order} ir piegādāts',
    ORDER_DELIVERED_TEXT: 'Jūsu pasūtījums {order} ir piegādāts.',
    ORDER_CANCELLED_HEADING: 'Pasūtījums {order} ir atcelts',
    ORDER_CANCELLED_TEXT: 'Jūsu pasūtījums {order} ir atcelts.',
    ORDER_DELAYED_HEADING: 'Pasūtījums {order} kavējas',
    ORDER_DELAYED_TEXT:
      'Jūsu pasūtījums {order} vēl nav piegādāts, lai gan solītais piegādes datums bija {date}. Mēs jau risinām šo jautājumu un paziņosim jums, tiklīdz pasūtījums tiks nosūtīts.',
    INVOICE_ISSUED_HEADING: 'Jauns rēķins {invoice}',
    INVOICE_ISSUED_TEXT:
      'Rēķins {invoice} par summu {amount} ir pieejams portālā. Apmaksas termiņš: {date}.',
    INVOICE_DUE_HEADING: 'Rēķins {invoice} jāapmaksā {when}',
    INVOICE_DUE_TEXT: 'Rēķins {invoice} par summu {amount} jāapmaksā {when} ({date}).',
    INVOICE_DUE_TODAY_HEADING: 'Rēķins {invoice} jāapmaksā šodien',
    INVOICE_DUE_TODAY_TEXT: 'Rēķins {invoice} par summu {amount} jāapmaksā šodien.',
    INVOICE_OVERDUE_HEADING: 'Rēķina {invoice} apmaksas termiņš ir nokavēts',
    INVOICE_OVERDUE_TEXT:
      'Rēķina {invoice} par summu {amount} apmaksas termiņš bija {date} ({ago}). Ja rēķins jau ir apmaksāts, paldies; lūdzu, neņemiet šo ziņu vērā.',
    PAYMENT_POSTED_HEADING: 'Saņemts maksājums {amount} apmērā',
    PAYMENT_POSTED_TEXT: 'Mēs saņēmām jūsu maksājumu {amount} apmērā. Paldies!',
    TICKET_ANSWERED_HEADING: 'Jauna atbilde pieteikumā {ticket}',
    TICKET_ANSWERED_TEXT: 'Jūsu pieteikumā {ticket} ({subject}) ir jauna atbilde.',
    CHAT_MISSED_HEADING: 'Nepaspējām atbildēt jūsu tērzēšanā',
    CHAT_MISSED_TEXT:
      'Kad rakstījāt, neviens no mums nebija pieejams tērzēšanai. Atbildēsim, tiklīdz varēsim.',
    CHAT_MISSED_TICKET_TEXT:
      'Kad rakstījāt, neviens no mums nebija pieejams tērzēšanai. No jūsu ziņām ir izveidots pieteikums {ticket}; atbildēsim uz to, tiklīdz varēsim.',
    ACTION_LINK: 'Skatiet to portālā: {link}',
    ACTION_SIGN_IN: 'Lai to skatītu, pieslēdzieties {vendor} klientu portālā.',
    BUTTON: 'Atvērt portālu',
    FOOTER:
      'Jūs izvēlējāties saņemt šos paziņojumus pa e-pastu; to varat mainīt portāla paziņojumu iestatījumos.',
  },
  OrderMail: {
    GREETING: 'Labdien, {name}!',
    PLACED_SUBJECT: 'Jūsu {vendor} pasūtījums {order}',
    PLACED_HEADING: 'Pasūtījums {order} saņemts',
    PLACED_BODY:
      'Paldies par jūsu pasūtījumu {order}! Mēs jums paziņosim, tiklīdz tas tiks nosūtīts.',
    SHIPPED_SUBJECT: 'Jūsu {vendor} pasūtījums {order} ir nosūtīts',
    SHIPPED_HEADING: 'Pasūtījums {order} ir nosūtīts',
    SHIPPED_BODY: 'Jūsu pasūtījums {order} ir ceļā uz šo adresi: {address}.',
    SHIPPED_TRACKING_BODY:
      'Jūsu pasūtījums {order} ir ceļā uz šo adresi: {address}. Izsekošanas numurs: {tracking}.',
    SHIPPING: 'Piegāde',
    TOTAL: 'Kopā',
    TOTAL_WITH_TAX: 'Kopā (ar PVN)',
    SHIP_TO: 'Piegādes adrese: {address}',
  },
  ChatMail: {
    GREETING: 'Labdien, {name}!',
    SUBJECT: '{agent} atbildēja jūsu tērzēšanā',
    HEADING: 'Atbilde jūsu tērzēšanā',
    BODY: '{agent} jums atbildēja tērzēšanā.',
    ACTION_LINK: 'Turpiniet tērzēšanu šeit: {link}',
    ACTION_SITE: 'Lai turpinātu, atveriet tērzēšanu {vendor} vietnē.',
  },
  TicketMail: {
    GREETING: 'Labdien, {name}!',
    ANSWER_BODY: '{agent} atbildēja uz jūsu pieteikumu {ticket}.',
    ANSWER_HEADING: 'Atb.: {subject}',
    ACTION_LINK: 'Visu saraksti varat izlasīt un atbildēt šeit: {link}',
    ACTION_SIGN_IN: 'Lai atbildētu, pieslēdzieties {vendor} klientu portālā.',
    BUTTON: 'Atvērt pieteikumu',
    NO_REPLY: 'Lūdzu, atbildiet portālā; atbildes uz šo e-pastu netiek lasītas.',
  },
  InvoiceText: {
    DOCUMENT_TITLE: 'Rēķins {number}',
    HEADING: 'Rēķins',
    HEADING_VOID: 'Rēķins (anulēts)',
    NUMBER: 'Numurs',
    ISSUED: 'Izrakstīts',
    DUE: 'Apmaksāt līdz',
    ORDER: 'Pasūtījums',
    BILL_TO: 'Maksātājs',
    DESCRIPTION: 'Apraksts',
    QUANTITY: 'Daudz.',
    UNIT_PRICE: 'Vienības cena',
    TAX_RATE: 'PVN',
    AMOUNT: 'Summa',
    SUBTOTAL: 'Starpsumma',
    TAX: 'PVN',
    TOTAL: 'Kopā',
    PAID: 'Samaksāts',
    AMOUNT_DUE: 'Summa apmaksai',
    PAYMENT: 'Maksājums saņemts {date}: {amount}',
    PAYMENT_REFERENCE: 'Maksājums saņemts {date} ({reference}): {amount}',
    CREDIT_NOTE: 'Kredītrēķins, {date}: {amount}',
    CREDIT_NOTE_REFERENCE: 'Kredītrēķins, {date} ({reference}): {amount}',
    VOID_REASON: 'Anulēšanas iemesls: {reason}',
  },
  StatementText: {
    DATE: 'Datums',
    TYPE: 'Veids',
    NUMBER: 'Numurs',
    REFERENCE: 'Atsauce',
    DEBIT: 'Debets ({currency})',
    CREDIT: 'Kredīts ({currency})',
    BALANCE: 'Atlikums ({currency})',
    OPENING_BALANCE: 'sākuma atlikums',
    CLOSING_BALANCE: 'beigu atlikums',
    INVOICE: 'rēķins',
    PAYMENT: 'maksājums',
    CREDIT_NOTE: 'kredītrēķins',
    BANK_TRANSFER: 'bankas pārskaitījums',
    CARD: 'karte',
    CASH: 'skaidra nauda',
    OTHER: 'cits',
  },
};

export default lv;
