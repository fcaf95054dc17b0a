/*
 * The built-in dictionary of field concepts: what common columns are called in everyday exports,
 * in the twelve languages the importer's UI ships (en, de, fr, es, it, nl, pt, sv, da, nb, fi,
 * ar), with the usual abbreviations. One line per concept: `id: name|name|…`; a name written
 * `~name` is ambiguous (Spanish `nombre` is a given name beside `apellidos`, a full name alone) and
 * never makes a match sure on its own. Names are compared after `normalizeHeader`, so spacing,
 * case, accents and punctuation do not matter here.
 */
export const CONCEPT_LINES: readonly string[] = [
  // People
  'givenName: first name|fname|given name|forename|christian name|vorname|rufname|prénom|prenom|nombre de pila|primer nombre|~nombre|nome proprio|~nome|primeiro nome|voornaam|roepnaam|förnamn|tilltalsnamn|fornavn|etunimi|الاسم الأول|الاسم الاول',
  'surname: last name|lname|surname|family name|nachname|familienname|zuname|nom de famille|~nom|apellido|apellidos|primer apellido|cognome|sobrenome|apelido|achternaam|familienaam|efternamn|efternavn|etternavn|sukunimi|اسم العائلة|الكنية|اللقب',
  'fullName: ~name|full name|contact name|person name|vollständiger name|~nom complet|nombre completo|nome completo|volledige naam|~naam|fullständigt namn|~namn|fulde navn|~navn|fullt navn|koko nimi|~nimi|الاسم الكامل|~الاسم',
  'salutation: salutation|anrede|civilité|tratamiento|saludo|titolo di cortesia|aanhef|tilltal|tiltale|titulação',
  'gender: gender|sex|geschlecht|sexe|genre|sexo|sesso|geslacht|kön|køn|kjønn|sukupuoli|الجنس',
  'birthday: date of birth|dob|birthday|birthdate|birth date|born|born on|geburtsdatum|geburtstag|geb datum|gebdatum|date de naissance|né le|date naissance|fecha de nacimiento|f nacimiento|fecha nacimiento|data di nascita|data nascita|data de nascimento|geboortedatum|geb datum|födelsedatum|födelsedag|fødselsdato|fødselsdag|syntymäaika|syntymäpäivä|تاريخ الميلاد',
  'age: age|alter|âge|edad|età|idade|leeftijd|ålder|alder|ikä|العمر',
  // Contact
  'email: email|mail|email address|e mail address|emailaddress|e-mail-adresse|emailadresse|mailadresse|adresse email|adresse e-mail|adresse électronique|courriel|correo|correo electrónico|dirección de correo|dirección de correo electrónico|posta elettronica|indirizzo email|indirizzo e-mail|endereço de email|endereço de e-mail|correio eletrónico|e-mailadres|emailadres|mailadres|e-post|epost|e-postadress|epostadress|e-postadresse|epostadresse|sähköposti|sähköpostiosoite|البريد الإلكتروني|البريد الالكتروني|البريد|ايميل|إيميل',
  'phone: phone|phone number|phone no|telephone|telephone number|tel|tel no|landline|contact number|telefon|telefonnummer|tel nr|telnr|rufnummer|téléphone|tél|numéro de téléphone|teléfono|tfno|número de teléfono|telefono|numero di telefono|telefone|número de telefone|telefoon|telefoonnummer|tlf|tlf nr|puhelin|puhelinnumero|puh|الهاتف|رقم الهاتف|هاتف',
  'mobile: mobile|mobile phone|mobile number|mobile no|mobile phone number|cell|cell phone|cellphone|cell number|mobil|mobilnummer|mobiltelefon|handy|handynummer|portable|téléphone portable|tél portable|téléphone mobile|móvil|teléfono móvil|celular|cellulare|telefono cellulare|telemóvel|telemovel|mobiel|mobiel nummer|mobielnummer|gsm|mobiltelefonnummer|matkapuhelin|kännykkä|الجوال|جوال|الهاتف المحمول|موبايل',
  'fax: fax|telefax|fax number|faxnummer|numéro de fax|número de fax|numero di fax|faksi|الفاكس',
  'website: website|web site|url|homepage|home page|web|webseite|internetseite|internetadresse|site web|site internet|sitio web|página web|sito web|sito internet|webbplats|hemsida|hjemmeside|nettside|hjemmeside|verkkosivu|kotisivu|verkkosivusto|الموقع الإلكتروني',
  // Address
  'address: address|street address|address line|address line 1|address 1|adresse|anschrift|postanschrift|dirección|domicilio|indirizzo|endereço|morada|adres|adress|postadress|osoite|katuosoite|العنوان',
  'street: street|street name|straße|strasse|str|rue|calle|via|rua|straat|straatnaam|gata|gatuadress|gade|gadenavn|vej|gate|gatenavn|gateadresse|katu|الشارع',
  'houseNumber: house number|house no|hausnummer|hnr|hausnr|numéro de rue|número de casa|numero civico|número da porta|huisnummer|husnummer|gatunummer|talonumero|رقم المنزل',
  'postalCode: postal code|postcode|post code|zip|zip code|zipcode|postleitzahl|plz|code postal|cp|código postal|cod postal|cap|codice postale|cep|postnummer|postnr|postinumero|الرمز البريدي',
  'city: city|town|locality|ort|stadt|wohnort|ville|commune|localité|ciudad|población|localidad|municipio|città|comune|località|cidade|localidade|concelho|plaats|woonplaats|stad|postort|by|postdistrikt|sted|poststed|kaupunki|paikkakunta|postitoimipaikka|المدينة',
  'region: state|province|region|county|bundesland|région|provincia|regione|provincie|län|landsdel|fylke|maakunta|المنطقة|الولاية|المحافظة',
  'country: country|nation|land|country region|country name|pays|país|paese|nazione|país|maa|الدولة|البلد|الدولة',
  // Organisation and work
  'company: company|company name|organization|organisation|organization name|organisation name|business name|firm|firma|firmenname|unternehmen|société|entreprise|raison sociale|nom de la société|nom de l entreprise|empresa|compañía|razón social|azienda|società|ragione sociale|nome azienda|bedrijf|bedrijfsnaam|organisatie|företag|företagsnamn|virksomhed|firmanavn|selskap|bedrift|yritys|yrityksen nimi|الشركة|اسم الشركة',
  'jobTitle: job title|~title|position|job|occupation|role|berufsbezeichnung|stelle|stellenbezeichnung|jobtitel|funktion|poste|fonction|intitulé du poste|titre|puesto|cargo|puesto de trabajo|mansione|ruolo|qualifica|função|functie|functietitel|befattning|titel|roll|tjänst|stilling|stillingsbetegnelse|stillingstittel|tehtävänimike|nimike|tehtävä|المسمى الوظيفي|الوظيفة',
  'department: department|dept|division|abteilung|bereich|service|département|departamento|área|reparto|dipartimento|afdeling|avdelning|avdeling|osasto|yksikkö|القسم',
  'manager: manager|supervisor|reports to|line manager|direct manager|vorgesetzter|vorgesetzte|führungskraft|responsable|jefe|superior|responsabile|gestor|chefe|leidinggevende|chef|närmaste chef|leder|nærmeste leder|esimies|المدير',
  'office: office|location|work location|site|branch|standort|büro|arbeitsort|niederlassung|établissement|bureau|lieu de travail|oficina|sede|centro de trabajo|ufficio|filiale|escritório|kantoor|vestiging|locatie|kontor|arbetsplats|arbejdssted|arbeidssted|toimipaikka|toimisto|المكتب|الفرع',
  'startDate: start date|hire date|hired|date of hire|joining date|date joined|entry date|employment start|eintrittsdatum|eintritt|einstellungsdatum|beschäftigungsbeginn|date d entrée|date d embauche|fecha de alta|fecha de incorporación|fecha de inicio|data di assunzione|data inizio|data de admissão|data de início|datum in dienst|indiensttreding|startdatum|anställningsdatum|ansættelsesdato|startdato|ansettelsesdato|aloituspäivä|työsuhteen alkamispäivä|تاريخ التعيين|تاريخ البدء',
  'endDate: end date|termination date|exit date|leaving date|austrittsdatum|austritt|date de sortie|fecha de baja|data di cessazione|data de saída|datum uit dienst|slutdatum|fratrædelsesdato|sluttdato|päättymispäivä|تاريخ الانتهاء',
  'salary: salary|annual salary|base salary|base pay|pay|pay rate|wage|wages|compensation|gehalt|jahresgehalt|bruttogehalt|grundgehalt|lohn|salaire|salaire brut|rémunération|salario|sueldo|salario bruto|stipendio|retribuzione|ral|salário|salaris|loon|brutoloon|lön|årslön|månadslön|løn|lønn|årslønn|palkka|vuosipalkka|الراتب',
  'employeeId: employee id|employee number|employee no|staff id|staff number|personnel number|worker id|personalnummer|pers nr|persnr|matricule|numéro d employé|número de empleado|matrícula|matricola|número de funcionário|personeelsnummer|anställningsnummer|medarbejdernummer|ansattnummer|henkilönumero|työntekijänumero|الرقم الوظيفي',
  // Records
  'id: id|identifier|record id|uuid|guid|key|nummer|numéro|número|numero|kennung|kenmerk|tunnus|المعرف',
  'createdAt: created|created at|created date|create date|creation date|date created|created on|date added|added on|erstellt|erstellt am|angelegt am|erstellungsdatum|anlagedatum|date de création|créé le|fecha de creación|creado|data di creazione|creato il|data de criação|criado em|aanmaakdatum|aangemaakt op|skapad|skapad datum|oprettet|oprettelsesdato|opprettet|luotu|luontipäivä|تاريخ الإنشاء',
  'updatedAt: updated|updated at|last modified|modified|last changed|geändert am|zuletzt geändert|date de modification|modifié le|fecha de modificación|data di modifica|gewijzigd op|ändrad|ændret|endret|muokattu|تاريخ التعديل',
  'signupDate: signup date|sign up date|signed up|registration date|registered|registered at|opt in date|subscription date|subscribed at|subscribed on|anmeldedatum|angemeldet am|registriert am|registrierungsdatum|date d inscription|inscrit le|fecha de registro|fecha de suscripción|data di iscrizione|data di registrazione|data de inscrição|data de registo|data de cadastro|inschrijfdatum|aanmelddatum|registreringsdatum|registreringsdato|tilmeldingsdato|rekisteröitymispäivä|liittymispäivä|تاريخ التسجيل',
  'date: date|datum|fecha|data|dato|päivämäärä|pvm|التاريخ',
  'status: status|stage|zustand|statut|état|~estado|stato|situação|tila|الحالة',
  'active: active|enabled|is active|activated|aktiv|aktiviert|actif|activé|activo|habilitado|attivo|abilitato|ativo|actief|ingeschakeld|aktiverad|aktiveret|aktiivinen|نشط|مفعل',
  'subscribed: subscribed|subscriber|opt in|opted in|optin|newsletter|consent|marketing consent|abonniert|newsletter abonniert|einwilligung|abonné|inscrit|consentement|suscrito|iscritto|consenso|subscrito|inscrito|geabonneerd|ingeschreven|prenumererar|prenumeration|tilmeldt|abonnert|tilaaja|مشترك',
  'notes: notes|note|comment|comments|remarks|remark|memo|notizen|notiz|bemerkung|bemerkungen|kommentar|anmerkungen|anmerkung|remarques|remarque|commentaire|commentaires|observaciones|notas|comentarios|comentario|commenti|osservazioni|observações|comentários|opmerkingen|opmerking|notities|anteckningar|anmärkning|bemærkninger|noter|kommentarer|merknader|notater|huomautukset|lisätiedot|kommentit|ملاحظات|تعليق|تعليقات',
  'description: description|desc|beschreibung|descripción|descrizione|descrição|beschrijving|omschrijving|beskrivning|beskrivelse|kuvaus|الوصف',
  'plan: plan|tier|subscription|subscription tier|subscription plan|subscription type|pricing plan|package|edition|tarif|abo|abonnement|paket|formule|offre|suscripción|paquete|piano|abbonamento|pacchetto|plano|assinatura|pacote|pakket|abonnemang|pakke|tilaus|paketti|الخطة|الباقة|الاشتراك',
  'seats: seats|licences|licenses|license count|licence count|users|user count|lizenzen|plätze|sitze|licences|postes|licencias|puestos|licenze|posti|licenças|lugares|licenties|licenser|platser|pladser|lisenser|lisenssit|käyttäjät|التراخيص|المقاعد',
  'language: language|lang|locale|sprache|langue|idioma|lingua|taal|språk|sprog|kieli|اللغة',
  'tags: tags|tag|labels|schlagwörter|schlagworte|étiquettes|etiquetas|etichette|taggar|etiketter|tunnisteet|الوسوم',
  'source: source|lead source|origin|channel|quelle|herkunft|kanal|origine|canal|fuente|origen|fonte|origem|bron|herkomst|källa|kilde|lähde|المصدر',
  // Commerce
  'orderId: order id|order number|order no|order|bestellnummer|bestell nr|auftragsnummer|auftrags nr|numéro de commande|commande|número de pedido|pedido|numero ordine|ordine|número do pedido|número da encomenda|encomenda|ordernummer|bestelnummer|beställningsnummer|ordrenummer|bestillingsnummer|ordrenr|tilausnumero|tilaus nro|رقم الطلب',
  'orderDate: order date|date of order|purchase date|order placed|bestelldatum|auftragsdatum|date de commande|fecha de pedido|fecha del pedido|data ordine|data dell ordine|data do pedido|data da encomenda|besteldatum|orderdatum|beställningsdatum|ordredato|bestillingsdato|tilauspäivä|تاريخ الطلب',
  'sku: sku|article number|item number|item no|product code|item code|part number|artikelnummer|art nr|artikel nr|artnr|~référence|~ref|~réf|code article|~referencia|ref producto|código de artículo|codice articolo|cod articolo|codice prodotto|código do produto|~referência|artikelnr|varenummer|varenr|tuotenumero|tuotekoodi|رمز المنتج',
  'product: product|product name|item|item name|article|produkt|produktname|artikel|artikelbezeichnung|artikelname|bezeichnung|produit|nom du produit|désignation|producto|artículo|nombre del producto|prodotto|articolo|nome prodotto|produto|artigo|nome do produto|productnaam|produktnamn|vare|varenavn|varebeskrivelse|tuote|tuotenimi|المنتج|اسم المنتج',
  'quantity: quantity|qty|quantité|qté|menge|anzahl|stückzahl|stück|cantidad|cant|quantità|qtà|quantidade|qtd|aantal|hoeveelheid|antal|mängd|antall|määrä|kpl|الكمية|units|pcs|pieces|count',
  'price: price|unit price|price per unit|item price|unit cost|item cost|preis|einzelpreis|stückpreis|prix|prix unitaire|pu|precio|precio unitario|prezzo|prezzo unitario|preço|preço unitário|prijs|stukprijs|pris|styckpris|a pris|stykpris|enhetspris|hinta|yksikköhinta|السعر|سعر الوحدة|~cost|~rate',
  'amount: amount|betrag|montant|importe|importo|valor|bedrag|belopp|beløb|beløp|summa|sum|summe|umsatz|المبلغ|~value|wert',
  'total: total|grand total|amount incl tax|incl vat|incl btw|bedrag incl btw|inkl moms|inkl mwst|toutes taxes comprises|total amount|order total|gross|gross amount|gesamtbetrag|gesamtsumme|gesamtpreis|gesamt|bruttobetrag|brutto|endbetrag|montant ttc|ttc|total ttc|importe total|total factura|totale|importo totale|totale fattura|valor total|totaal|totaalbedrag|totaal incl btw|totalt|totalbelopp|att betala|i alt|beløb i alt|totalbeløb|totalbeløp|yhteensä|kokonaissumma|الإجمالي|المجموع',
  'subtotal: subtotal|sub total|zwischensumme|sous total|subtotale|subtotaal|delsumma|subtotaali|المجموع الفرعي',
  'net: net|net amount|amount excl tax|excl vat|excl btw|bedrag excl btw|exkl moms|ohne mwst|netto ohne mwst|hors taxes|net total|nettobetrag|netto|nettosumme|montant ht|ht|total ht|importe neto|base imponible|neto|imponibile|importo netto|valor líquido|líquido|netto bedrag|nettobedrag|nettobelopp|nettobeløb|nettobeløp|veroton|veroton summa|الصافي',
  'tax: tax|taxes|vat|tax amount|vat amount|sales tax|mwst|ust|umsatzsteuer|mehrwertsteuer|steuer|steuerbetrag|tva|montant tva|taxe|iva|cuota iva|impuesto|impuestos|imposta|btw|btw bedrag|moms|momsbelopp|mva|merverdiavgift|alv|arvonlisävero|ضريبة|ضريبة القيمة المضافة',
  'vatId: vat id|vat number|vat no|vat reg no|tax id|tax number|ust idnr|ustidnr|ust id|ustid|umsatzsteuer id|umsatzsteuer identifikationsnummer|steuernummer|n tva intracommunautaire|no tva intracommunautaire|numéro de tva|tva intracommunautaire|nif|cif|nif cif|partita iva|p iva|piva|nipc|btw nummer|btw nr|btw id|momsnummer|momsreg nr|momsregistreringsnummer|cvr|cvr nr|org nr|organisasjonsnummer|organisationsnummer|orgnr|y tunnus|alv numero|الرقم الضريبي',
  'iban: iban|bank account|account number|kontonummer|compte bancaire|rib|cuenta bancaria|número de cuenta|conto corrente|conta bancária|rekeningnummer|bankkonto|tilinumero|رقم الحساب',
  'bic: bic|swift|swift code|bic code|bic swift',
  'currency: currency|currency code|curr|ccy|währung|wkz|devise|monnaie|moneda|divisa|valuta|moeda|munt|valuutta|العملة',
  'discount: discount|discount code|coupon|coupon code|promo code|voucher|rabatt|gutschein|remise|réduction|code promo|descuento|cupón|sconto|coupon sconto|desconto|cupão|korting|kortingscode|rabat|alennus|alennuskoodi|الخصم',
  'shippingCost: shipping cost|shipping price|shipping fee|delivery fee|versandkosten|frais de port|frais de livraison|gastos de envío|spese di spedizione|portes|custos de envio|verzendkosten|fraktkostnad|fragt|frakt|toimituskulut|رسوم الشحن',
  'invoiceNumber: invoice number|invoice no|invoice id|invoice|rechnungsnummer|rechnungs nr|re nr|rechnung|belegnummer|beleg nr|numéro de facture|n facture|no facture|facture|número de factura|no factura|factura|numero fattura|fattura|número da fatura|fatura|factuurnummer|factuur|fakturanummer|fakturanr|faktura|laskunumero|lasku|رقم الفاتورة',
  'invoiceDate: invoice date|date of invoice|billing date|rechnungsdatum|belegdatum|date de facture|date de facturation|date facture|fecha de factura|fecha factura|fecha de emisión|data fattura|data della fattura|data da fatura|data de emissão|factuurdatum|fakturadatum|fakturadato|laskun päivämäärä|laskupäivä|تاريخ الفاتورة',
  'dueDate: due date|payment due|due on|fälligkeitsdatum|fällig am|fälligkeit|zahlungsziel|date d échéance|échéance|date échéance|fecha de vencimiento|vencimiento|scadenza|data di scadenza|data de vencimento|vencimento|vervaldatum|vervaldag|förfallodatum|förfallodag|forfaldsdato|forfallsdato|forfallsdag|eräpäivä|تاريخ الاستحقاق',
  'customer: customer|client|customer name|client name|kunde|kundenname|auftraggeber|nom du client|cliente|nombre del cliente|nome cliente|nome do cliente|klant|klantnaam|kund|kundnamn|kundenavn|asiakas|asiakkaan nimi|العميل|اسم العميل',
  'paid: paid|is paid|payment status|bezahlt|payée|payé|pagado|pagada|pagato|pagata|pago|betaald|betald|betalt|maksettu|مدفوع',
  // Logistics
  'weight: weight|gross weight|gewicht|bruttogewicht|poids|poids brut|peso|peso bruto|peso lordo|vikt|bruttovikt|vægt|vekt|paino|الوزن',
  'parcels: packages|parcels|package count|parcel count|number of packages|number of parcels|packstücke|pakete|colis|nombre de colis|bultos|paquetes|colli|volumi|volumes|embalagens|pakketten|kolli|pakker|kollit|paketit|الطرود',
  'trackingNumber: tracking number|tracking no|tracking id|tracking code|tracking|shipment number|sendungsnummer|trackingnummer|sendungsverfolgungsnummer|paketnummer|numéro de suivi|n de suivi|no de suivi|numéro de colis|número de seguimiento|no de envío|número de envío|codice di tracciamento|numero di tracking|numero spedizione|número de rastreio|código de rastreio|track trace|zendingnummer|barcode|kollinummer|sändningsnummer|spårningsnummer|forsendelsesnummer|sporingsnummer|pakkenummer|seurantakoodi|lähetystunnus|lähetysnumero|رقم التتبع|رقم الشحنة',
  'shipDate: ship date|shipping date|shipped date|shipped on|dispatch date|date shipped|versanddatum|versandtag|date d expédition|date d envoi|fecha de envío|fecha de expedición|data di spedizione|data de envio|data de expedição|verzenddatum|skickat datum|utskicksdatum|avsändningsdatum|afsendelsesdato|forsendelsesdato|sendingsdato|lähetyspäivä|تاريخ الشحن',
  'carrier: carrier|shipping carrier|courier|shipping company|versanddienstleister|spediteur|paketdienst|transporteur|transportista|mensajero|empresa de transporte|corriere|vettore|transportadora|vervoerder|koerier|transportör|fraktbolag|fragtfirma|transportør|speditør|kuljetusliike|الناقل|شركة الشحن',
  'recipient: recipient|recipient name|ship to name|consignee|empfänger|empfängername|destinataire|destinatario|destinatário|ontvanger|naam ontvanger|mottagare|modtager|mottaker|vastaanottaja|المستلم',
];

/**
 * Concepts that are a kind of another: a mobile number is a phone number, a street is part of an
 * address, an order number is an identifier. A header of the narrower concept suits a field of the
 * wider one well (`Mobile #` for Phone); the other way round only likely (`ID` for Employee ID).
 */
export const CONCEPT_PARENTS: Readonly<Record<string, string>> = {
  mobile: 'phone',
  street: 'address',
  employeeId: 'id',
  orderId: 'id',
  invoiceNumber: 'id',
  trackingNumber: 'id',
  birthday: 'date',
  startDate: 'date',
  endDate: 'date',
  orderDate: 'date',
  invoiceDate: 'date',
  dueDate: 'date',
  createdAt: 'date',
  updatedAt: 'date',
  shipDate: 'date',
  signupDate: 'createdAt',
  recipient: 'fullName',
  customer: 'fullName',
  total: 'amount',
  net: 'amount',
};

/** Pairs of concepts a column is often exported under for the other: likely, never sure. */
export const RELATED_CONCEPTS: readonly (readonly [string, string])[] = [
  ['description', 'notes'],
  ['subtotal', 'net'],
  ['description', 'product'],
  ['active', 'subscribed'],
  ['active', 'status'],
  ['paid', 'status'],
  ['createdAt', 'orderDate'],
  ['address', 'city'],
  ['manager', 'fullName'],
  ['customer', 'company'],
  ['office', 'city'],
];

/**
 * Concepts that name money: with one of them in a header, a word such as `amount` or `total`
 * only says it is a sum of it (`Tax total`, `Montant TVA`).
 */
export const MONEY_CONCEPTS: ReadonlySet<string> = new Set([
  'tax',
  'net',
  'subtotal',
  'discount',
  'shippingCost',
  'price',
  'total',
  'salary',
]);
