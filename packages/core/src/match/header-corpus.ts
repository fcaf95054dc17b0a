// Long because it is data: the matching benchmark's real-world headers, one export per block.
import type { ColumnSpec } from '../columns/column-spec.ts';

/*
 * Longer than 400 lines because it is data: the matching benchmark's data: header rows as real exports write them (CRM, e-commerce, HR,
 * accounting, marketing, logistics; several languages), each column with the field a person would
 * map it to in one of the application specs below, or `-` for none. Written from what those
 * systems export, not from the concept dictionary, so a miss here is a real miss.
 *
 * A column line reads `Header => expected`, then optionally `:: sample; sample` (values from the
 * column) and `! key` (a decoy: a field it resembles and must never be matched to at the "sure"
 * level).
 */

/** Application specs the exports are matched against, as applications declare them. */
export const CORPUS_SPECS = {
  contacts: [
    { key: 'firstName', label: 'First name', required: true, synonyms: ['given name'] },
    { key: 'lastName', label: 'Last name', required: true },
    { key: 'email', label: 'E-mail', type: 'email', required: true, unique: true },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
    { key: 'country', label: 'Country' },
    {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: [{ value: 'free' }, { value: 'starter' }, { value: 'pro' }, { value: 'enterprise' }],
    },
    { key: 'seats', label: 'Seats', type: 'number', integer: true, min: 0 },
    { key: 'active', label: 'Active', type: 'boolean' },
    { key: 'notes', label: 'Notes' },
  ],
  orders: [
    { key: 'orderId', label: 'Order number', required: true },
    { key: 'orderDate', label: 'Order date', type: 'date' },
    { key: 'customerEmail', label: 'Customer e-mail', type: 'email' },
    { key: 'sku', label: 'SKU' },
    { key: 'productName', label: 'Product' },
    { key: 'quantity', label: 'Quantity', type: 'integer' },
    { key: 'unitPrice', label: 'Unit price', type: 'number' },
    { key: 'total', label: 'Total', type: 'number' },
    { key: 'currency', label: 'Currency', type: 'select', options: ['EUR', 'USD', 'GBP', 'SEK'] },
    {
      key: 'status',
      label: 'Status',
      type: 'select',
      options: ['pending', 'paid', 'shipped', 'cancelled', 'refunded'],
    },
    { key: 'shippingCountry', label: 'Shipping country' },
  ],
  employees: [
    { key: 'employeeId', label: 'Employee ID', required: true },
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'workEmail', label: 'Work e-mail', type: 'email' },
    { key: 'jobTitle', label: 'Job title' },
    { key: 'department', label: 'Department' },
    { key: 'startDate', label: 'Start date', type: 'date' },
    { key: 'birthDate', label: 'Date of birth', type: 'date' },
    { key: 'salary', label: 'Annual salary', type: 'number' },
    { key: 'manager', label: 'Manager' },
    { key: 'office', label: 'Office' },
  ],
  invoices: [
    { key: 'invoiceNumber', label: 'Invoice number', required: true },
    { key: 'invoiceDate', label: 'Invoice date', type: 'date' },
    { key: 'dueDate', label: 'Due date', type: 'date' },
    { key: 'customer', label: 'Customer' },
    { key: 'vatId', label: 'VAT ID' },
    { key: 'net', label: 'Net amount', type: 'number' },
    { key: 'vat', label: 'VAT', type: 'number' },
    { key: 'total', label: 'Total', type: 'number' },
    { key: 'currency', label: 'Currency' },
    { key: 'iban', label: 'IBAN' },
    { key: 'paid', label: 'Paid', type: 'boolean' },
  ],
  subscribers: [
    { key: 'email', label: 'Email address', type: 'email', required: true },
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'subscribed', label: 'Subscribed', type: 'boolean' },
    { key: 'language', label: 'Language' },
    { key: 'tags', label: 'Tags' },
    { key: 'signupDate', label: 'Signup date', type: 'date' },
    { key: 'source', label: 'Source' },
    { key: 'country', label: 'Country' },
  ],
  shipments: [
    { key: 'trackingNumber', label: 'Tracking number' },
    { key: 'recipient', label: 'Recipient name', required: true },
    { key: 'street', label: 'Street' },
    { key: 'postalCode', label: 'Postal code' },
    { key: 'city', label: 'City' },
    { key: 'country', label: 'Country' },
    { key: 'weight', label: 'Weight (kg)', type: 'number' },
    { key: 'parcels', label: 'Packages', type: 'integer' },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'shipDate', label: 'Ship date', type: 'date' },
    { key: 'carrier', label: 'Carrier' },
  ],
} as const satisfies Record<string, readonly ColumnSpec[]>;

export type CorpusSpec = keyof typeof CORPUS_SPECS;

export interface CorpusExport {
  readonly kind: 'CRM' | 'e-commerce' | 'HR' | 'accounting' | 'marketing' | 'logistics';
  /** The system or style the header row is written after, and its language. */
  readonly source: string;
  readonly spec: CorpusSpec;
  readonly columns: string;
}

export const HEADER_CORPUS: readonly CorpusExport[] = [
  {
    kind: 'CRM',
    source: 'CRM export from the bug report (en)',
    spec: 'contacts',
    columns: `
      fname => firstName :: Ada; Grace; Linus
      Surname => lastName :: Lovelace; Hopper; Torvalds
      E-Mail Address => email :: ada@example.com; grace@example.org
      Mobile # => phone :: +44 7700 900123; +1 202 555 0143
      Birthday => dateOfBirth :: 1815-12-10; 1906-12-09
      Cntry => country :: UK; US; FI
      Subscription Tier => plan :: Pro; Free; Enterprise
      No. of licences => seats :: 5; 12; 1
      Enabled? => active :: yes; no
      Comment => notes :: Prefers e-mail; VIP since 2019`,
  },
  {
    kind: 'CRM',
    source: 'Salesforce contacts report (en)',
    spec: 'contacts',
    columns: `
      Contact ID => - :: 0035g00000XyZ1AAK
      First Name => firstName
      Last Name => lastName
      Title => - :: VP Sales; CTO
      Account Name => - :: Acme Corp; Globex
      Email => email
      Phone => phone
      Mobile => - ! phone
      Mailing Country => country :: Germany; France
      Birthdate => dateOfBirth :: 4/12/1980
      Description => notes :: Met at trade fair
      Created Date => - :: 3/1/2024
      Contact Owner => - :: Jane Doe`,
  },
  {
    kind: 'CRM',
    source: 'HubSpot contacts export (en)',
    spec: 'contacts',
    columns: `
      Record ID => - :: 51; 101
      First Name => firstName
      Last Name => lastName
      Email => email
      Phone Number => phone
      Mobile Phone Number => - ! phone
      Country/Region => country :: United States; Canada
      Date of birth => dateOfBirth
      Lifecycle Stage => - :: lead; customer
      Create Date => - :: 2024-03-01 10:22
      Last Activity Date => - ! dateOfBirth
      Number of Employees => - ! seats :: 250; 1000`,
  },
  {
    kind: 'CRM',
    source: 'Zoho CRM contacts (fr)',
    spec: 'contacts',
    columns: `
      Prénom => firstName
      Nom => lastName
      E-mail => email
      Téléphone => phone
      Portable => - ! phone
      Date de naissance => dateOfBirth
      Pays => country
      Nom du compte => - :: Société Générale
      Description => notes`,
  },
  {
    kind: 'CRM',
    source: 'CRM contacts (es)',
    spec: 'contacts',
    columns: `
      Nombre => firstName :: María; José
      Apellidos => lastName :: García López
      Correo electrónico => email
      Teléfono móvil => phone :: +34 612 345 678
      Fecha de nacimiento => dateOfBirth :: 12/05/1984
      País => country :: España
      Plan => plan :: Pro
      Licencias => seats :: 3
      Activo => active :: Sí; No
      Observaciones => notes`,
  },
  {
    kind: 'CRM',
    source: 'CRM relaties (nl)',
    spec: 'contacts',
    columns: `
      Voornaam => firstName
      Achternaam => lastName
      E-mailadres => email
      Telefoonnummer => phone
      Geboortedatum => dateOfBirth
      Land => country
      Abonnement => plan :: Starter; Pro
      Aantal licenties => seats :: 10
      Actief => active :: ja; nee
      Opmerkingen => notes`,
  },
  {
    kind: 'CRM',
    source: 'Pipedrive persons (de)',
    spec: 'contacts',
    columns: `
      Person - Vorname => firstName
      Person - Nachname => lastName
      Person - E-Mail - Arbeit => email
      Person - Telefon - Mobil => phone
      Person - Organisation => - :: Müller GmbH
      Person - Geburtstag => dateOfBirth
      Person - Land => country
      Person - Notizen => notes`,
  },
  {
    kind: 'CRM',
    source: 'CRM kontakter (da, sv)',
    spec: 'contacts',
    columns: `
      Fornavn => firstName
      Efternavn => lastName
      E-post => email
      Mobilnummer => phone :: +45 20 12 34 56
      Födelsedatum => dateOfBirth
      Land => country
      Licenser => seats
      Aktiv => active
      Bemærkninger => notes`,
  },
  {
    kind: 'CRM',
    source: 'CRM contacts (ar)',
    spec: 'contacts',
    columns: `
      الاسم الأول => firstName
      اسم العائلة => lastName
      البريد الإلكتروني => email
      رقم الهاتف => phone
      تاريخ الميلاد => dateOfBirth
      الدولة => country
      ملاحظات => notes`,
  },
  {
    kind: 'CRM',
    source: 'Decoys beside the right column (en)',
    spec: 'contacts',
    columns: `
      Email => email :: a@example.com
      Secondary Email => - ! email :: b@example.com
      Plan => plan :: pro
      Plan Price => - ! plan :: 49.00; 199.00
      Country Code => - ! country :: +49; +33
      Country => country :: Germany
      Phone => phone
      Fax => - ! phone
      Age => - ! dateOfBirth :: 34; 41`,
  },
  {
    kind: 'CRM',
    source: 'Decoys alone (en)',
    spec: 'contacts',
    columns: `
      Name => -
      Secondary Email => - ! email :: b@example.com
      Plan Price => - ! plan :: 49.00
      Emergency Contact Phone => - ! phone
      Last Login => - ! dateOfBirth :: 2024-05-01`,
  },
  {
    kind: 'e-commerce',
    source: 'Shopify orders export (en)',
    spec: 'orders',
    columns: `
      Name => orderId :: #1001; #1002
      Email => customerEmail
      Financial Status => status :: paid; pending
      Paid at => - ! orderDate
      Fulfillment Status => - ! status :: fulfilled; unfulfilled
      Currency => currency :: EUR
      Subtotal => - ! total :: 40.00
      Shipping => - ! shippingCountry :: 4.90
      Taxes => - :: 8.53
      Total => total :: 53.43
      Discount Code => - :: SPRING10
      Created at => orderDate :: 2024-05-01 10:12:44 +0200
      Lineitem quantity => quantity :: 2
      Lineitem name => productName :: Mug - Blue
      Lineitem price => unitPrice :: 20.00
      Lineitem sku => sku :: MUG-BL
      Billing Name => - :: Ada Lovelace
      Shipping Country => shippingCountry :: DE`,
  },
  {
    kind: 'e-commerce',
    source: 'WooCommerce orders export (en)',
    spec: 'orders',
    columns: `
      Order ID => orderId
      Order Status => status :: wc-completed; wc-processing
      Order Date => orderDate
      Billing First Name => -
      Billing Email => customerEmail
      Billing Phone => -
      Shipping Country => shippingCountry
      Product Name => productName
      SKU => sku
      Quantity => quantity
      Item Cost => unitPrice
      Order Total => total
      Order Currency => currency`,
  },
  {
    kind: 'e-commerce',
    source: 'Shop orders (de)',
    spec: 'orders',
    columns: `
      Bestellnummer => orderId :: 100234
      Bestelldatum => orderDate :: 01.05.2024
      Artikelnummer => sku
      Artikelbezeichnung => productName
      Menge => quantity :: 3
      Einzelpreis => unitPrice :: 19,90
      Gesamtbetrag => total :: 59,70
      Währung => currency :: EUR
      E-Mail => customerEmail
      Lieferland => shippingCountry :: Deutschland
      Status => status :: bezahlt`,
  },
  {
    kind: 'e-commerce',
    source: 'Marketplace orders (it)',
    spec: 'orders',
    columns: `
      Numero ordine => orderId
      Data ordine => orderDate
      Codice articolo => sku
      Descrizione => productName
      Quantità => quantity
      Prezzo unitario => unitPrice
      Totale => total
      Valuta => currency
      Email cliente => customerEmail
      Paese di spedizione => shippingCountry
      Stato => status`,
  },
  {
    kind: 'e-commerce',
    source: 'Pedidos (pt, es)',
    spec: 'orders',
    columns: `
      Número do pedido => orderId
      Data do pedido => orderDate
      Referencia => sku
      Producto => productName
      Cantidad => quantity
      Precio unitario => unitPrice
      Importe total => total
      Moneda => currency
      Correo electrónico del cliente => customerEmail
      País de envío => shippingCountry
      Estado del pedido => status`,
  },
  {
    kind: 'HR',
    source: 'Personio employees (en)',
    spec: 'employees',
    columns: `
      ID => employeeId :: 1042
      First name => firstName
      Last name => lastName
      Email => workEmail
      Position => jobTitle
      Department => department
      Hire date => startDate
      Date of birth => birthDate
      Office => office
      Supervisor => manager
      Employment type => - :: full-time
      Weekly hours => - :: 40
      Fixed salary => salary :: 65000`,
  },
  {
    kind: 'HR',
    source: 'Personio Mitarbeiter (de)',
    spec: 'employees',
    columns: `
      Personalnummer => employeeId
      Vorname => firstName
      Nachname => lastName
      E-Mail => workEmail
      Position => jobTitle
      Abteilung => department
      Eintrittsdatum => startDate
      Austrittsdatum => - ! startDate
      Geburtsdatum => birthDate
      Büro => office
      Vorgesetzter => manager
      Gehalt => salary`,
  },
  {
    kind: 'HR',
    source: 'BambooHR employees (en)',
    spec: 'employees',
    columns: `
      Employee # => employeeId
      First Name => firstName
      Last Name => lastName
      Work Email => workEmail
      Home Email => - ! workEmail
      Job Title => jobTitle
      Department => department
      Hire Date => startDate
      Birth Date => birthDate
      Location => office
      Reports To => manager
      Pay Rate => salary :: 72000.00 USD`,
  },
  {
    kind: 'HR',
    source: 'Payroll export (fr)',
    spec: 'employees',
    columns: `
      Matricule => employeeId
      Prénom => firstName
      Nom => lastName
      Email professionnel => workEmail
      Email personnel => - ! workEmail
      Poste => jobTitle
      Service => department
      Date d'entrée => startDate
      Date de naissance => birthDate
      Établissement => office
      Manager => manager
      Salaire brut annuel => salary`,
  },
  {
    kind: 'HR',
    source: 'Henkilöstö (fi)',
    spec: 'employees',
    columns: `
      Henkilönumero => employeeId
      Etunimi => firstName
      Sukunimi => lastName
      Sähköposti => workEmail
      Tehtävänimike => jobTitle
      Osasto => department
      Aloituspäivä => startDate
      Syntymäaika => birthDate
      Toimipaikka => office
      Esimies => manager
      Palkka => salary`,
  },
  {
    kind: 'HR',
    source: 'Workday workers (en)',
    spec: 'employees',
    columns: `
      Worker ID => employeeId
      Legal First Name => firstName
      Legal Last Name => lastName
      Primary Work Email => workEmail
      Business Title => jobTitle
      Supervisory Organization => department
      Original Hire Date => startDate
      Location => office
      Manager => manager
      Annual Base Pay => salary`,
  },
  {
    kind: 'accounting',
    source: 'QuickBooks invoice list (en)',
    spec: 'invoices',
    columns: `
      Date => invoiceDate :: 05/01/2024
      Transaction Type => - :: Invoice
      Num => invoiceNumber :: 1042
      Customer => customer
      Due Date => dueDate
      Amount => total :: 1,250.00
      Open Balance => - ! total :: 0.00`,
  },
  {
    kind: 'accounting',
    source: 'Xero sales invoices (en)',
    spec: 'invoices',
    columns: `
      ContactName => customer
      EmailAddress => -
      InvoiceNumber => invoiceNumber
      Reference => -
      InvoiceDate => invoiceDate
      DueDate => dueDate
      Total => total
      TaxTotal => vat
      InvoiceAmountPaid => - ! total
      InvoiceAmountDue => - ! total
      Currency => currency
      TaxType => - ! vat`,
  },
  {
    kind: 'accounting',
    source: 'Factures (fr)',
    spec: 'invoices',
    columns: `
      Numéro de facture => invoiceNumber
      Date de facture => invoiceDate
      Date d'échéance => dueDate
      Client => customer
      Montant HT => net
      TVA => vat
      Montant TTC => total
      Devise => currency
      N° TVA intracommunautaire => vatId
      IBAN => iban
      Payée => paid :: oui; non`,
  },
  {
    kind: 'accounting',
    source: 'Rechnungsausgangsbuch (de)',
    spec: 'invoices',
    columns: `
      Rechnungsnummer => invoiceNumber
      Rechnungsdatum => invoiceDate
      Fälligkeitsdatum => dueDate
      Kunde => customer
      Nettobetrag => net
      Umsatzsteuer => vat
      Bruttobetrag => total
      Währung => currency
      USt-IdNr. => vatId
      IBAN => iban
      Bezahlt => paid`,
  },
  {
    kind: 'accounting',
    source: 'DATEV Buchungsstapel (de)',
    spec: 'invoices',
    columns: `
      Umsatz (ohne Soll/Haben-Kz) => total :: 119,00
      Soll/Haben-Kennzeichen => - :: S
      WKZ Umsatz => currency :: EUR
      Konto => - :: 8400
      Gegenkonto (ohne BU-Schlüssel) => - :: 10000
      Belegdatum => invoiceDate :: 0105
      Belegfeld 1 => invoiceNumber :: RE-2024-001
      Buchungstext => - :: Rechnung Müller`,
  },
  {
    kind: 'accounting',
    source: 'Fakturor (sv), fakturaer (nb)',
    spec: 'invoices',
    columns: `
      Fakturanummer => invoiceNumber
      Fakturadatum => invoiceDate
      Förfallodatum => dueDate
      Kund => customer
      Nettobelopp => net
      Moms => vat
      Totalt => total
      Valuta => currency
      Organisasjonsnummer => vatId`,
  },
  {
    kind: 'marketing',
    source: 'Mailchimp audience export (en)',
    spec: 'subscribers',
    columns: `
      Email Address => email
      First Name => firstName
      Last Name => lastName
      Address => -
      Phone Number => -
      Birthday => -
      MEMBER_RATING => - :: 2
      OPTIN_TIME => signupDate :: 2024-03-01 10:00:00
      OPTIN_IP => -
      CONFIRM_TIME => - :: 2024-03-01 10:05:00
      LATITUDE => -
      LONGITUDE => -
      TIMEZONE => -
      CC => country :: DE; US
      REGION => -
      LAST_CHANGED => -
      NOTES => -
      TAGS => tags :: "vip"`,
  },
  {
    kind: 'marketing',
    source: 'Brevo contacts (fr)',
    spec: 'subscribers',
    columns: `
      EMAIL => email
      NOM => lastName
      PRENOM => firstName
      SMS => - :: 33612345678
      LANGUE => language :: fr
      PAYS => country
      DATE_INSCRIPTION => signupDate
      OPT_IN => subscribed :: true`,
  },
  {
    kind: 'marketing',
    source: 'Klaviyo profiles (en)',
    spec: 'subscribers',
    columns: `
      Email => email
      First Name => firstName
      Last Name => lastName
      Phone Number => -
      Country => country
      Source => source :: Signup form
      Email Marketing Consent => subscribed :: SUBSCRIBED; NEVER_SUBSCRIBED
      Profile Created On => signupDate
      Locale => language :: en-US`,
  },
  {
    kind: 'marketing',
    source: 'Newsletter-Empfänger (de)',
    spec: 'subscribers',
    columns: `
      E-Mail => email
      Anrede => - :: Frau; Herr
      Vorname => firstName
      Nachname => lastName
      Angemeldet am => signupDate
      Quelle => source
      Aktiv => subscribed :: ja
      Sprache => language`,
  },
  {
    kind: 'marketing',
    source: 'Subscritores (pt)',
    spec: 'subscribers',
    columns: `
      E-mail => email
      Nome => firstName
      Apelido => lastName
      Data de inscrição => signupDate
      Idioma => language
      Origem => source
      Etiquetas => tags
      Subscrito => subscribed`,
  },
  {
    kind: 'logistics',
    source: 'Parcel shipping list (de)',
    spec: 'shipments',
    columns: `
      Sendungsnummer => trackingNumber
      Empfänger Name => recipient
      Straße => street
      Hausnummer => - ! street
      PLZ => postalCode
      Ort => city
      Land => country
      Gewicht (kg) => weight
      Anzahl Packstücke => parcels
      Telefon => phone
      Versanddatum => shipDate`,
  },
  {
    kind: 'logistics',
    source: 'ShipStation shipments (en)',
    spec: 'shipments',
    columns: `
      Order # => - ! trackingNumber
      Ship Date => shipDate
      Recipient => recipient
      Address 1 => street
      Address 2 => - ! street
      City => city
      State => -
      Postal Code => postalCode
      Country => country
      Phone => phone
      Carrier => carrier
      Service => -
      Tracking # => trackingNumber
      Weight (oz) => weight
      Qty => - ! parcels`,
  },
  {
    kind: 'logistics',
    source: 'Zendingen (nl)',
    spec: 'shipments',
    columns: `
      Trackingnummer => trackingNumber
      Naam ontvanger => recipient
      Straatnaam => street
      Huisnummer => - ! street
      Postcode => postalCode
      Plaats => city
      Land => country
      Gewicht => weight
      Aantal pakketten => parcels
      Telefoonnummer => phone
      Verzenddatum => shipDate
      Vervoerder => carrier`,
  },
  {
    kind: 'logistics',
    source: 'Försändelser (sv)',
    spec: 'shipments',
    columns: `
      Kollinummer => trackingNumber
      Mottagare => recipient
      Gatuadress => street
      Postnummer => postalCode
      Ort => city
      Land => country
      Vikt (kg) => weight
      Antal kolli => parcels
      Telefon => phone
      Transportör => carrier`,
  },
  {
    kind: 'logistics',
    source: 'Envíos (es)',
    spec: 'shipments',
    columns: `
      Nº de envío => trackingNumber
      Destinatario => recipient
      Dirección => street
      Código postal => postalCode
      Población => city
      País => country
      Peso (kg) => weight
      Bultos => parcels
      Teléfono => phone
      Fecha de envío => shipDate
      Transportista => carrier`,
  },
];

/**
 * Exports written after the dictionary was frozen and never tuned against: the honest check that
 * the dictionary generalizes beyond the exports it was written beside. The test prints their
 * figures apart.
 */
export const HELD_OUT_CORPUS: readonly CorpusExport[] = [
  {
    kind: 'CRM',
    source: 'Dynamics 365 contacts (en)',
    spec: 'contacts',
    columns: `
      Full Name => -
      Account Name => -
      Business Phone => phone :: +1 425 555 0100
      Mobile Phone => - ! phone :: +1 425 555 0199
      Email => email
      Address 1: City => -
      Address 1: Country/Region => country
      Birthday => dateOfBirth
      Status Reason => - ! active :: Active
      Created On => - ! dateOfBirth :: 2024-01-05`,
  },
  {
    kind: 'CRM',
    source: 'Odoo contacts (en)',
    spec: 'contacts',
    columns: `
      Name => -
      Company => -
      Job Position => -
      Phone => phone
      Mobile => - ! phone
      Email => email
      Country => country
      Tags => -
      Internal Notes => notes`,
  },
  {
    kind: 'CRM',
    source: 'Contatti (it)',
    spec: 'contacts',
    columns: `
      Nome => firstName
      Cognome => lastName
      Indirizzo email => email
      Cellulare => phone
      Data di nascita => dateOfBirth
      Nazione => country
      Licenze => seats
      Note => notes
      Attivo => active`,
  },
  {
    kind: 'e-commerce',
    source: 'Etsy sold orders (en)',
    spec: 'orders',
    columns: `
      Sale Date => orderDate :: 05/01/24
      Order ID => orderId
      Buyer User ID => -
      Full Name => -
      Number of Items => quantity :: 2
      Payment Method => -
      Date Shipped => - ! orderDate
      Ship City => -
      Ship Country => shippingCountry
      Currency => currency :: USD
      Order Value => - ! total :: 40.00
      Coupon Code => -
      Discount Amount => -
      Shipping => -
      Sales Tax => -
      Order Total => total :: 47.20
      Status => status :: Completed
      Order Net => - ! total`,
  },
  {
    kind: 'e-commerce',
    source: 'PrestaShop commandes (fr)',
    spec: 'orders',
    columns: `
      ID => orderId :: 512
      Référence => - :: XKBKNABJK
      Nouveau client => -
      Livraison => shippingCountry :: France
      Client => -
      Total => total
      Paiement => -
      État => status :: Paiement accepté
      Date => orderDate`,
  },
  {
    kind: 'HR',
    source: 'SAP HR Mitarbeiterliste (de)',
    spec: 'employees',
    columns: `
      Personalnummer => employeeId
      Nachname => lastName
      Vorname => firstName
      Geburtsdatum => birthDate
      Eintritt => startDate
      Organisationseinheit => department
      Planstelle => jobTitle
      Kostenstelle => -
      Jahresgehalt => salary`,
  },
  {
    kind: 'HR',
    source: 'Rippling employees (en)',
    spec: 'employees',
    columns: `
      Employee Name => -
      Work Email => workEmail
      Personal Email => - ! workEmail
      Title => jobTitle
      Department => department
      Start Date => startDate
      Manager Name => manager
      Work Location => office
      Annual Salary => salary`,
  },
  {
    kind: 'HR',
    source: 'Empleados (es)',
    spec: 'employees',
    columns: `
      Nombre => firstName
      Apellidos => lastName
      Email => workEmail
      Puesto => jobTitle
      Departamento => department
      Fecha de incorporación => startDate
      Fecha de nacimiento => birthDate
      Centro de trabajo => office
      Responsable => manager
      Salario bruto anual => salary
      DNI => -`,
  },
  {
    kind: 'HR',
    source: 'Ansatte (nb)',
    spec: 'employees',
    columns: `
      Ansattnummer => employeeId
      Fornavn => firstName
      Etternavn => lastName
      E-post => workEmail
      Stilling => jobTitle
      Avdeling => department
      Startdato => startDate
      Fødselsdato => birthDate
      Nærmeste leder => manager
      Årslønn => salary`,
  },
  {
    kind: 'accounting',
    source: 'Verkoopfacturen (nl)',
    spec: 'invoices',
    columns: `
      Factuurnummer => invoiceNumber
      Factuurdatum => invoiceDate
      Vervaldatum => dueDate
      Debiteur => customer
      Bedrag excl. btw => net
      Btw-bedrag => vat
      Bedrag incl. btw => total
      Valuta => currency
      Btw-nummer => vatId
      Betaald => paid`,
  },
  {
    kind: 'accounting',
    source: 'Fatture emesse (it)',
    spec: 'invoices',
    columns: `
      Numero => invoiceNumber
      Data => invoiceDate
      Cliente => customer
      Partita IVA => vatId
      Imponibile => net
      IVA => vat
      Totale => total
      Scadenza => dueDate
      Pagata => paid`,
  },
  {
    kind: 'accounting',
    source: 'FreshBooks invoices (en)',
    spec: 'invoices',
    columns: `
      Invoice Number => invoiceNumber
      Organization => customer
      Invoice Date => invoiceDate
      Due Date => dueDate
      Subtotal => net
      Tax 1 Amount => vat
      Total => total
      Currency => currency
      Status => - :: paid; sent`,
  },
  {
    kind: 'marketing',
    source: 'Constant Contact contacts (en)',
    spec: 'subscribers',
    columns: `
      Email address => email
      First name => firstName
      Last name => lastName
      Email status => - ! email
      Email permission status => subscribed :: Subscribed
      Language => language
      Source name => source
      Created at => signupDate
      Tags => tags`,
  },
  {
    kind: 'marketing',
    source: 'Prenumeranter (sv)',
    spec: 'subscribers',
    columns: `
      E-postadress => email
      Förnamn => firstName
      Efternamn => lastName
      Prenumererar => subscribed
      Språk => language
      Registrerad => signupDate
      Källa => source
      Land => country
      Taggar => tags`,
  },
  {
    kind: 'marketing',
    source: 'Subscribers (ar)',
    spec: 'subscribers',
    columns: `
      البريد الإلكتروني => email
      الاسم الأول => firstName
      اسم العائلة => lastName
      اللغة => language
      الدولة => country
      تاريخ التسجيل => signupDate
      المصدر => source`,
  },
  {
    kind: 'logistics',
    source: 'UPS WorldShip batch (en)',
    spec: 'shipments',
    columns: `
      Company or Name => recipient
      Attention => -
      Address 1 => street
      Address 2 => - ! street
      City => city
      State/Prov/Other => -
      Postal Code => postalCode
      Country => country
      Telephone => phone
      Weight => weight
      Packaging Type => - ! parcels
      Number of Packages => parcels
      Reference 1 => -
      Tracking Number => trackingNumber`,
  },
  {
    kind: 'logistics',
    source: 'Colissimo expéditions (fr)',
    spec: 'shipments',
    columns: `
      Numéro de colis => trackingNumber
      Nom du destinataire => recipient
      Adresse => street
      Code postal => postalCode
      Ville => city
      Pays => country
      Poids => weight
      Téléphone => phone
      Date d'expédition => shipDate
      Transporteur => carrier`,
  },
  {
    kind: 'logistics',
    source: 'Spedizioni (it)',
    spec: 'shipments',
    columns: `
      Numero spedizione => trackingNumber
      Destinatario => recipient
      Indirizzo => street
      CAP => postalCode
      Città => city
      Provincia => -
      Nazione => country
      Peso (kg) => weight
      Colli => parcels
      Telefono => phone
      Data spedizione => shipDate
      Corriere => carrier`,
  },
  {
    kind: 'logistics',
    source: 'Lähetykset (fi)',
    spec: 'shipments',
    columns: `
      Lähetystunnus => trackingNumber
      Vastaanottaja => recipient
      Katuosoite => street
      Postinumero => postalCode
      Postitoimipaikka => city
      Maa => country
      Paino (kg) => weight
      Kollimäärä => parcels
      Puhelin => phone
      Lähetyspäivä => shipDate`,
  },
  {
    kind: 'logistics',
    source: 'Forsendelser (da)',
    spec: 'shipments',
    columns: `
      Modtager => recipient
      Adresse => street
      Postnr. => postalCode
      By => city
      Land => country
      Vægt => weight
      Antal pakker => parcels
      Telefon => phone
      Afsendelsesdato => shipDate
      Fragtfirma => carrier`,
  },
];

/** One column of the corpus, parsed. */
export interface CorpusColumn {
  readonly header: string;
  /** The field it should be matched to, or null for none. */
  readonly expected: string | null;
  readonly samples: readonly string[];
  /** A field it resembles and must never be matched to at the "sure" level. */
  readonly decoyOf: string | null;
}

const LINE = /^(.+?) => (\S+)(?: :: (.+?))?(?: ! (\S+))?(?: :: (.+))?$/;

/** The columns of one export, parsed from its lines. */
export function corpusColumns(entry: CorpusExport): CorpusColumn[] {
  return entry.columns
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const m = LINE.exec(line);
      if (!m) throw new Error(`corpus line does not parse: ${line}`);
      const samples = m[3] ?? m[5];
      return {
        header: m[1]!,
        expected: m[2] === '-' ? null : m[2]!,
        samples: samples ? samples.split('; ').map((s) => s.trim()) : [],
        decoyOf: m[4] ?? null,
      };
    });
}
