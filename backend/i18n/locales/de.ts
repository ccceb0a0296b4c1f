import type { Translation } from '../catalogues.ts';

/** German (formal „Sie“). */
const de: Translation = {
  AccountError: {
    ALREADY_MEMBER: 'Diese Person ist bereits Mitglied dieses Kontos.',
    INVITATION_NOT_FOUND:
      'Wir konnten diese Einladung nicht finden. Vielleicht war sie für eine andere E-Mail-Adresse bestimmt.',
    INVITATION_EXPIRED:
      'Diese Einladung ist nicht mehr gültig. Bitten Sie die Kontoinhaberin oder den Kontoinhaber, Sie erneut einzuladen.',
    MEMBER_NOT_FOUND: 'Diese Person ist kein Mitglied dieses Kontos.',
    LAST_OWNER:
      'Ein Konto braucht mindestens eine Inhaberin oder einen Inhaber. Machen Sie zuerst eine andere Person zur Inhaberin bzw. zum Inhaber.',
    NOT_A_MEMBER: 'Sie sind kein Mitglied dieses Kontos.',
    SESSION_NOT_FOUND:
      'Wir konnten diese Anmeldung nicht finden. Möglicherweise ist sie bereits beendet.',
    CURRENT_SESSION: 'Mit dieser Anmeldung arbeiten Sie gerade. Melden Sie sich stattdessen ab.',
    OWNER_NEEDS_SECOND_FACTOR:
      'Aktivieren Sie zuerst Sicherheitscodes für sich selbst; danach können Sie sie für alle verlangen.',
    UNTRUSTED_LINK: 'Der Link muss auf eine Seite des Anbieters führen.',
    REMOVE_SELF:
      'Sie können sich nicht selbst aus dem Konto entfernen. Verlassen Sie es stattdessen.',
  },
  AddressError: {
    NOT_FOUND: 'Diese Adresse steht nicht in Ihrem Adressbuch.',
    TOO_MANY:
      'Ihr Adressbuch ist voll. Entfernen Sie zuerst eine Adresse, die Sie nicht mehr verwenden.',
  },
  ChatError: {
    NOT_FOUND: 'Diesen Chat gibt es nicht.',
    ENDED: 'Dieser Chat ist beendet. Starten Sie einen neuen, um wieder zu schreiben.',
    TAKEN: 'Dieser Chat wird bereits von einer anderen Person aus dem Team beantwortet.',
    NOT_WAITING: 'Dieser Chat wartet nicht auf eine Antwort des Teams.',
    NO_ACCOUNT:
      'Dieser Chat stammt von einer Besucherin oder einem Besucher ohne Kundenkonto; antworten Sie im Chat, die Antwort wird per E-Mail zugestellt.',
    VISITOR_REQUIRED:
      'Geben Sie Ihren Namen und Ihre E-Mail-Adresse an, damit wir Ihnen antworten können, oder melden Sie sich an.',
    VISITOR_FILES: 'Melden Sie sich an, um im Chat Dateien zu senden.',
    TOO_FAST:
      'Sie senden Nachrichten schneller, als jemand sie lesen kann. Warten Sie einen Moment und senden Sie dann erneut.',
    TOO_MANY_CHATS:
      'Sie haben in der letzten Stunde viele Chats gestartet. Bitte schreiben Sie in Ihrem offenen Chat weiter oder versuchen Sie es später noch einmal.',
    BAD_EVENT_ID: 'Der Chat kann an dieser Stelle nicht fortgesetzt werden. Laden Sie den Chat neu.',
    AGENT_NOT_FOUND: 'Chats können nur an Mitarbeitende übergeben werden.',
    UPLOAD_NOT_FOUND:
      'Eine der angehängten Dateien ist nicht mehr verfügbar. Entfernen Sie sie und laden Sie sie erneut hoch.',
    STAFF_SESSION:
      'Sie sind als Mitarbeiterin oder Mitarbeiter angemeldet; beantworten Sie Chats in der Mitarbeiterkonsole.',
  },
  FileError: {
    NO_FILE: 'Wählen Sie eine Datei zum Hochladen aus.',
    DAILY_LIMIT:
      'Sie haben innerhalb eines Tages {count} Dateien hochgeladen, die Höchstzahl. Versuchen Sie es morgen erneut oder schreiben Sie uns.',
    NO_ACCOUNT:
      'Zu dieser Anmeldung gehört kein Kundenkonto, an das Dateien angehängt werden könnten.',
    NOT_FOUND: 'Wir konnten diese Datei nicht finden.',
    EMPTY: '„{name}“ ist leer. Wählen Sie eine Datei mit Inhalt.',
    TOO_LARGE:
      '„{name}“ ist größer als {limit}, die Höchstgröße pro Datei. Verkleinern oder teilen Sie die Datei.',
    BODY_TOO_LARGE:
      'Jede Datei darf höchstens {limit} groß sein. Verkleinern oder teilen Sie die Datei.',
    MARKUP:
      '„{name}“ ist eine Webseite, SVG- oder XML-Datei und kann nicht angehängt werden. Speichern Sie die Datei stattdessen als PDF oder PNG-Bild.',
    TYPE_NOT_ALLOWED:
      '„{name}“ hat einen Dateityp, den wir nicht annehmen. Sie können Bilder (PNG, JPEG, GIF, WebP), PDF, reinen Text und Office-Dokumente (Word, Excel, PowerPoint, OpenDocument) anhängen.',
    NAME_MISMATCH:
      '„{name}“ hat die Endung .{extension}, der Inhalt ist aber vom Typ „{kind}“. Benennen Sie die Datei in .{expected} um oder speichern Sie sie erneut.',
  },
  FileKind: {
    PNG: 'PNG-Bild',
    JPEG: 'JPEG-Bild',
    GIF: 'GIF-Bild',
    WEBP: 'WebP-Bild',
    PDF: 'PDF-Dokument',
    WORD: 'Word-Dokument',
    EXCEL: 'Excel-Arbeitsmappe',
    POWERPOINT: 'PowerPoint-Datei',
    OPENDOCUMENT_TEXT: 'OpenDocument-Text',
    OPENDOCUMENT_SPREADSHEET: 'OpenDocument-Tabelle',
    OPENDOCUMENT_PRESENTATION: 'OpenDocument-Präsentation',
    OFFICE: 'Office-Dokument',
    TEXT: 'Textdatei',
  },
  HelpError: {
    NOT_FOUND: 'Diesen Artikel gibt es im Hilfe-Center nicht.',
    CATEGORY_NOT_FOUND: 'Diese Hilfe-Kategorie gibt es nicht.',
    SLUG_TAKEN: 'Ein anderer Artikel verwendet diese Adresse bereits. Wählen Sie eine andere.',
    CATEGORY_SLUG_TAKEN:
      'Eine andere Kategorie verwendet diese Adresse bereits. Wählen Sie eine andere.',
    NO_TRANSLATION:
      'Verfassen Sie den Artikel in mindestens einer Sprache, bevor Sie ihn veröffentlichen.',
    LAST_TRANSLATION:
      'Ein veröffentlichter Artikel braucht mindestens eine Sprache. Nehmen Sie ihn zuerst offline oder behalten Sie diese Sprache.',
    TRANSLATION_NOT_FOUND: 'Für diesen Artikel gibt es keinen Text in dieser Sprache.',
    CATEGORY_NOT_EMPTY:
      'Verschieben oder löschen Sie zuerst die Artikel dieser Kategorie.',
  },
  LedgerError: {
    INVOICE_NOT_FOUND: 'Wir konnten diese Rechnung nicht finden.',
    PAYMENT_NOT_FOUND: 'Wir konnten diese Zahlung nicht finden.',
    ACCOUNT_NOT_FOUND: 'Wir konnten dieses Kundenkonto nicht finden.',
    ORDER_NOT_FOUND: 'Wir konnten diese Bestellung nicht finden.',
    ORDER_NOT_SHIPPED:
      'Eine Bestellung wird in Rechnung gestellt, sobald sie versandt oder geliefert wurde.',
    ALREADY_INVOICED: 'Für diese Bestellung gibt es bereits eine Rechnung.',
    ALREADY_VOID: 'Diese Rechnung ist bereits storniert.',
    HAS_CREDIT_NOTES:
      'Zu dieser Rechnung gibt es Gutschriften. Sie kann nicht storniert werden; stellen Sie stattdessen eine weitere Gutschrift aus.',
    CREDIT_EXCEEDS_INVOICE:
      'Eine Gutschrift zu einer Rechnung darf nicht höher sein als die Rechnung.',
    INVOICE_VOID: 'Diese Rechnung ist storniert.',
    IDEMPOTENCY_KEY_REUSED:
      'Unter diesem Anfrageschlüssel wurde bereits eine andere Zahlung gebucht. Laden Sie die Seite neu und buchen Sie die Zahlung erneut.',
    FUTURE_DATE: 'Das Datum darf nicht in der Zukunft liegen.',
    BAD_RANGE: 'Das Anfangsdatum darf nicht nach dem Enddatum liegen.',
    NO_BILLING_ADDRESS:
      'Für dieses Konto gibt es noch keine Rechnungsadresse. Geben Sie die Rechnungsadresse für diese Rechnung ein.',
    INVOICE_NOT_OPEN: 'Nur eine Rechnung mit offenem Betrag kann eine Zahlung aufnehmen.',
    ALLOCATION_EXCEEDS_DUE:
      'Eine Zahlung kann einer Rechnung nicht mehr zuordnen, als darauf noch offen ist.',
    ALLOCATION_EXCEEDS_PAYMENT:
      'Die Beträge für die Rechnungen ergeben zusammen mehr als die Zahlung.',
  },
  NotificationError: {
    NOT_FOUND:
      'Diese Benachrichtigung gibt es nicht. Laden Sie die Liste neu und versuchen Sie es noch einmal.',
  },
  OrderError: {
    NOT_FOUND: 'Wir konnten diese Bestellung nicht finden.',
    UNAVAILABLE:
      'Einige Artikel in Ihrem Warenkorb werden nicht mehr verkauft. Entfernen Sie sie und prüfen Sie Ihre Bestellung erneut.',
    OUT_OF_STOCK:
      'Leider sind einige Artikel während Ihrer Bestellung ausverkauft. Prüfen Sie Ihren Warenkorb: Wir zeigen Ihnen, was noch verfügbar ist.',
    PRICE_CHANGED:
      'Preise oder Versandkosten haben sich geändert, seit Sie Ihre Bestellung geprüft haben. Prüfen Sie die neue Gesamtsumme und senden Sie die Bestellung erneut ab.',
    IDEMPOTENCY_KEY_REUSED:
      'Diese Bestellung wurde bereits mit anderem Inhalt abgeschickt. Prüfen Sie Ihre Bestellung und senden Sie sie erneut ab.',
    ALREADY_SHIPPED:
      'Diese Bestellung wurde bereits versandt und kann hier nicht mehr geändert werden. Eröffnen Sie ein Ticket zu der Bestellung, wir helfen Ihnen gern.',
    ALREADY_CANCELLED: 'Diese Bestellung wurde storniert und kann nicht mehr geändert werden.',
    SHIPPING_ZONE_CHANGED:
      'Der Versand in dieses Land kostet einen anderen Betrag, daher kann die Adresse dieser Bestellung nicht geändert werden. Eröffnen Sie ein Ticket zu der Bestellung, wir helfen Ihnen gern.',
    NOT_NEXT_STEP:
      'Die Bestellung kann von ihrem jetzigen Stand aus nicht in diesen Status wechseln.',
    TRACKING_NEEDS_SHIPMENT:
      'Eine Sendungsnummer kann erst hinzugefügt werden, wenn die Bestellung versandt wurde.',
  },
  SessionError: {
    SECOND_FACTOR_REQUIRED:
      'Richten Sie Sicherheitscodes ein (einen zweiten Schritt bei der Anmeldung), um fortzufahren: Sie sind für Sie vorgeschrieben.',
  },
  TicketError: {
    NOT_FOUND: 'Dieses Ticket gibt es in diesem Konto nicht.',
    ORDER_NOT_FOUND: 'Diese Bestellung gehört nicht zu diesem Konto.',
    UNKNOWN_CATEGORY: 'Wählen Sie eine der aufgeführten Kategorien.',
    KIND_NOT_OFFERED: 'Wählen Sie eine der im Formular angebotenen Anfragearten.',
    UPLOAD_NOT_FOUND:
      'Eine der angehängten Dateien ist nicht mehr verfügbar. Entfernen Sie sie und laden Sie sie erneut hoch.',
    CLOSED: 'Dieses Ticket ist geschlossen. Öffnen Sie es erneut, um darin zu schreiben.',
    MERGED: 'Dieses Ticket wurde mit einem anderen zusammengeführt; schreiben Sie bitte dort.',
    NOT_CLOSABLE: 'Dieses Ticket ist bereits geschlossen.',
    NOT_REOPENABLE: 'Nur ein gelöstes oder geschlossenes Ticket kann erneut geöffnet werden.',
    NOT_RESOLVED: 'Sie können die Antwort bewerten, sobald das Ticket gelöst ist.',
    ALREADY_RATED: 'Dieses Ticket wurde bereits bewertet.',
    SAME_TICKET: 'Ein Ticket kann nicht mit sich selbst zusammengeführt werden.',
    OTHER_ACCOUNT: 'Nur Tickets desselben Kundenkontos können zusammengeführt werden.',
    NOT_AN_AGENT: 'Tickets können nur Mitarbeitenden zugewiesen werden.',
    UNTRUSTED_LINK: 'Diese Seite gehört zu keiner der Websites des Portals.',
    CANNED_NOT_FOUND: 'Diese gespeicherte Antwort gibt es nicht.',
    BAD_CURSOR:
      'Dieser Seitenlink ist nicht mehr gültig. Beginnen Sie wieder bei der ersten Seite.',
    CURSOR_OTHER_SORT:
      'Dieser Seitenlink gehört zu einer anderen Sortierung. Beginnen Sie wieder bei der ersten Seite.',
    CANNED_TAKEN: 'Eine gespeicherte Antwort mit diesem Titel gibt es bereits.',
    IDEMPOTENCY_KEY_REUSED:
      'Unter diesem Anfrageschlüssel wurde bereits eine andere Nachricht gesendet. Laden Sie die Seite neu und senden Sie Ihre Nachricht erneut.',
  },
  ServerError: {
    INTERNAL:
      'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es in einem Moment noch einmal.',
    INVALID_FIELDS: 'Einige Felder sind nicht gültig.',
    SIGN_IN: 'Bitte melden Sie sich an.',
    NO_CUSTOMER_ACCOUNT: 'Zu dieser Anmeldung gehört kein Kundenkonto.',
    BUYER_ONLY:
      'Mit Ihrer Rolle in diesem Konto können Sie Bestellungen ansehen, aber nicht aufgeben oder ändern. Wenden Sie sich an die Kontoinhaberin oder den Kontoinhaber.',
    OWNER_ONLY: 'Das kann nur die Inhaberin oder der Inhaber dieses Kontos.',
    STAFF_ONLY: 'Dafür ist eine Anmeldung als Mitarbeiterin oder Mitarbeiter nötig.',
    ADMIN_ONLY: 'Dafür sind Administratorrechte nötig.',
    BAD_CURSOR:
      'Dieser Seitenlink ist nicht mehr gültig. Beginnen Sie wieder bei der ersten Seite.',
    RATE_LIMITED: 'Zu viele Versuche. Versuchen Sie es {when} erneut.',
    NUL_CHARACTER: 'Der Text enthält ein NUL-Zeichen, das nicht gespeichert werden kann. Entfernen Sie es und versuchen Sie es erneut.',
  },
  AccountMail: {
    GREETING: 'Guten Tag {name},',
    VERIFY_SUBJECT: 'Bestätigen Sie Ihre E-Mail-Adresse für {vendor}',
    VERIFY_HEADING: 'E-Mail-Adresse bestätigen',
    VERIFY_BODY:
      'bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse für Ihr Konto bei {vendor} ist.',
    VERIFY_ACTION: 'E-Mail-Adresse bestätigen',
    VERIFY_IGNORE:
      'Falls Sie sich nicht registriert haben, können Sie diese Nachricht ignorieren.',
    RESET_SUBJECT: 'Setzen Sie Ihr Passwort für {vendor} zurück',
    RESET_HEADING: 'Passwort zurücksetzen',
    RESET_BODY:
      'jemand hat angefordert, das Passwort Ihres Kontos bei {vendor} zurückzusetzen. Der Link ist eine Stunde lang gültig.',
    RESET_ACTION: 'Neues Passwort wählen',
    RESET_IGNORE:
      'Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
    INVITE_SUBJECT: '{inviter} lädt Sie zu {account} bei {vendor} ein',
    INVITE_HEADING: '{account} beitreten',
    INVITE_BODY:
      '{inviter} lädt Sie ein, {account} im Kundenportal von {vendor} beizutreten. Dort können Sie die Bestellungen, Rechnungen und Tickets des Kontos verfolgen. Melden Sie sich mit dieser E-Mail-Adresse an oder legen Sie damit ein Konto an, um die Einladung anzunehmen. Die Einladung ist sieben Tage lang gültig.',
    INVITE_ACTION: 'Einladung ansehen',
    INVITE_IGNORE: 'Falls Sie {inviter} nicht kennen, können Sie diese Nachricht ignorieren.',
  },
  SecurityMail: {
    SIGN_IN_SUBJECT: 'Ihr Anmeldecode für {vendor}',
    SIGN_IN_HEADING: 'Ihr Anmeldecode',
    SIGN_IN_BODY:
      'Ihr Code für die Anmeldung bei Ihrem Konto bei {vendor} lautet {code}. Er ist einmal und zehn Minuten lang gültig.',
    SECOND_FACTOR_SUBJECT: 'Ihr Sicherheitscode für {vendor}',
    SECOND_FACTOR_HEADING: 'Ihr Sicherheitscode',
    SECOND_FACTOR_BODY:
      'Ihr Sicherheitscode für {vendor} lautet {code}. Er ist einmal und fünf Minuten lang gültig.',
    NOT_YOU:
      'Falls Sie nicht versucht haben, sich anzumelden, ändern Sie Ihr Passwort: Möglicherweise kennt es jemand.',
    NEW_DEVICE_SUBJECT: 'Neue Anmeldung bei Ihrem Konto bei {vendor}',
    NEW_DEVICE_HEADING: 'Neue Anmeldung',
    NEW_DEVICE_BODY:
      'Guten Tag {name}, soeben hat sich jemand mit einem Browser, den Sie bisher nicht verwendet haben, bei Ihrem Konto bei {vendor} angemeldet.',
    NEW_DEVICE_BODY_FROM:
      'Guten Tag {name}, soeben hat sich jemand mit einem Browser, den Sie bisher nicht verwendet haben, bei Ihrem Konto bei {vendor} angemeldet ({device}).',
    NEW_DEVICE_ADDRESS: 'Adresse {ip}',
    NEW_DEVICE_ADVICE:
      'Falls Sie das waren, ist nichts zu tun. Falls nicht, ändern Sie Ihr Passwort und melden Sie sich im Sicherheitsbereich Ihres Kontos überall ab.',
  },
  NotificationMail: {
    GREETING: 'Guten Tag {name},',
    SUBJECT: '{heading} ({vendor})',
    ORDER_CONFIRMED_HEADING: 'Bestellung {order} ist bestätigt',
    ORDER_CONFIRMED_TEXT: 'wir haben Ihre Bestellung {order} bestätigt.',
    ORDER_SHIPPED_HEADING: 'Bestellung {order} wurde versandt',
    ORDER_SHIPPED_TEXT: 'Ihre Bestellung {order} ist unterwegs.',
    ORDER_SHIPPED_TRACKING_TEXT:
      'Ihre Bestellung {order} ist unterwegs. Die Sendungsnummer lautet {tracking}.',
    ORDER_DELIVERED_HEADING: 'Bestellung {order} wurde zugestellt',
    ORDER_DELIVERED_TEXT: 'Ihre Bestellung {order} wurde zugestellt.',
    ORDER_CANCELLED_HEADING: 'Bestellung {order} wurde storniert',
    ORDER_CANCELLED_TEXT: 'Ihre Bestellung {order} wurde storniert.',
    ORDER_DELAYED_HEADING: 'Bestellung {order} verspätet sich',
    ORDER_DELAYED_TEXT:
      'Ihre Bestellung {order} war für den {date} zugesagt und ist noch nicht angekommen. Wir kümmern uns darum und geben Ihnen Bescheid, sobald sie versandt wird.',
    INVOICE_ISSUED_HEADING: 'Neue Rechnung {invoice}',
    INVOICE_ISSUED_TEXT:
      'die Rechnung {invoice} über {amount} steht im Portal bereit. Sie ist am {date} fällig.',
    INVOICE_DUE_HEADING: 'Rechnung {invoice} ist {when} fällig',
    INVOICE_DUE_TEXT: 'die Rechnung {invoice} über {amount} ist {when} fällig, am {date}.',
    INVOICE_DUE_TODAY_HEADING: 'Rechnung {invoice} ist heute fällig',
    INVOICE_DUE_TODAY_TEXT: 'die Rechnung {invoice} über {amount} ist heute fällig.',
    INVOICE_OVERDUE_HEADING: 'Rechnung {invoice} ist überfällig',
    INVOICE_OVERDUE_TEXT:
      'die Rechnung {invoice} über {amount} war am {date} fällig, {ago}. Falls Sie sie bereits bezahlt haben, vielen Dank; bitte betrachten Sie diese Nachricht dann als gegenstandslos.',
    PAYMENT_POSTED_HEADING: 'Zahlung über {amount} eingegangen',
    PAYMENT_POSTED_TEXT: 'wir haben Ihre Zahlung über {amount} erhalten. Vielen Dank.',
    TICKET_ANSWERED_HEADING: 'Neue Antwort im Ticket {ticket}',
    TICKET_ANSWERED_TEXT: 'Ihr Ticket {ticket} ({subject}) hat eine neue Antwort.',
    CHAT_MISSED_HEADING: 'Wir haben Ihren Chat verpasst',
    CHAT_MISSED_TEXT:
      'als Sie geschrieben haben, war leider niemand für den Chat frei. Wir antworten so bald wie möglich.',
    CHAT_MISSED_TICKET_TEXT:
      'als Sie geschrieben haben, war leider niemand für den Chat frei. Ihre Nachrichten sind jetzt das Ticket {ticket}; wir beantworten es so bald wie möglich.',
    ACTION_LINK: 'Im Portal ansehen: {link}',
    ACTION_SIGN_IN: 'Melden Sie sich im Kundenportal von {vendor} an, um es anzusehen.',
    BUTTON: 'Portal öffnen',
    FOOTER:
      'Sie haben gewählt, diese Nachrichten per E-Mail zu erhalten; das können Sie in den Benachrichtigungseinstellungen des Portals ändern.',
  },
  OrderMail: {
    GREETING: 'Guten Tag {name},',
    PLACED_SUBJECT: 'Ihre Bestellung {order} bei {vendor}',
    PLACED_HEADING: 'Bestellung {order} eingegangen',
    PLACED_BODY:
      'vielen Dank für Ihre Bestellung {order}. Wir geben Ihnen Bescheid, sobald sie versandt wird.',
    SHIPPED_SUBJECT: 'Ihre Bestellung {order} bei {vendor} wurde versandt',
    SHIPPED_HEADING: 'Bestellung {order} wurde versandt',
    SHIPPED_BODY: 'Ihre Bestellung {order} ist unterwegs an {address}.',
    SHIPPED_TRACKING_BODY:
      'Ihre Bestellung {order} ist unterwegs an {address}. Die Sendungsnummer lautet {tracking}.',
    SHIPPING: 'Versand',
    TOTAL: 'Gesamt',
    TOTAL_WITH_TAX: 'Gesamt (inkl. MwSt.)',
    SHIP_TO: 'Lieferadresse: {address}',
  },
  ChatMail: {
    GREETING: 'Guten Tag {name},',
    SUBJECT: '{agent} hat auf Ihren Chat geantwortet',
    HEADING: 'Eine Antwort in Ihrem Chat',
    BODY: '{agent} hat Ihnen im Chat geantwortet.',
    ACTION_LINK: 'Hier können Sie den Chat fortsetzen: {link}',
    ACTION_SITE: 'Öffnen Sie den Chat auf der Website von {vendor}, um ihn fortzusetzen.',
  },
  TicketMail: {
    GREETING: 'Guten Tag {name},',
    ANSWER_BODY: '{agent} hat auf Ihr Ticket {ticket} geantwortet.',
    ANSWER_HEADING: 'AW: {subject}',
    ACTION_LINK: 'Hier lesen Sie den ganzen Verlauf und können antworten: {link}',
    ACTION_SIGN_IN: 'Melden Sie sich im Kundenportal von {vendor} an, um zu antworten.',
    BUTTON: 'Ticket öffnen',
    NO_REPLY:
      'Bitte antworten Sie im Portal; Antworten auf diese E-Mail werden nicht gelesen.',
  },
  InvoiceText: {
    DOCUMENT_TITLE: 'Rechnung {number}',
    HEADING: 'Rechnung',
    HEADING_VOID: 'Rechnung (storniert)',
    NUMBER: 'Nummer',
    ISSUED: 'Rechnungsdatum',
    DUE: 'Fällig am',
    ORDER: 'Bestellung',
    BILL_TO: 'Rechnung an',
    DESCRIPTION: 'Beschreibung',
    QUANTITY: 'Menge',
    UNIT_PRICE: 'Einzelpreis',
    TAX_RATE: 'MwSt.',
    AMOUNT: 'Betrag',
    SUBTOTAL: 'Zwischensumme',
    TAX: 'MwSt.',
    TOTAL: 'Gesamtbetrag',
    PAID: 'Bezahlt',
    AMOUNT_DUE: 'Offener Betrag',
    PAYMENT: 'Zahlung erhalten am {date}: {amount}',
    PAYMENT_REFERENCE: 'Zahlung erhalten am {date} ({reference}): {amount}',
    CREDIT_NOTE: 'Gutschrift vom {date}: {amount}',
    CREDIT_NOTE_REFERENCE: 'Gutschrift vom {date} ({reference}): {amount}',
    VOID_REASON: 'Storniert: {reason}',
  },
  StatementText: {
    DATE: 'Datum',
    TYPE: 'Art',
    NUMBER: 'Nummer',
    REFERENCE: 'Referenz',
    DEBIT: 'Soll ({currency})',
    CREDIT: 'Haben ({currency})',
    BALANCE: 'Saldo ({currency})',
    OPENING_BALANCE: 'Anfangssaldo',
    CLOSING_BALANCE: 'Endsaldo',
    INVOICE: 'Rechnung',
    PAYMENT: 'Zahlung',
    CREDIT_NOTE: 'Gutschrift',
    BANK_TRANSFER: 'Überweisung',
    CARD: 'Karte',
    CASH: 'bar',
    OTHER: 'sonstige',
  },
};

export default de;
