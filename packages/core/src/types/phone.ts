import { ColumnSpecError, type PhoneColumn } from '../columns/column-spec.ts';
import { type CellParser, fail } from './parsed.ts';

/**
 * Country calling codes and trunk prefixes (the `0` dialled before national numbers) for the
 * countries users most often name. Deliberately a table, not a full numbering-plan library:
 * libphonenumber's metadata alone is larger than the whole importer's size budget.
 */
const COUNTRIES: Readonly<Record<string, readonly [code: string, trunk: string]>> = {
  US: ['1', '1'],
  CA: ['1', '1'],
  GB: ['44', '0'],
  IE: ['353', '0'],
  DE: ['49', '0'],
  AT: ['43', '0'],
  CH: ['41', '0'],
  FR: ['33', '0'],
  BE: ['32', '0'],
  NL: ['31', '0'],
  LU: ['352', ''],
  IT: ['39', ''],
  ES: ['34', ''],
  PT: ['351', ''],
  DK: ['45', ''],
  NO: ['47', ''],
  SE: ['46', '0'],
  FI: ['358', '0'],
  IS: ['354', ''],
  PL: ['48', ''],
  CZ: ['420', ''],
  SK: ['421', '0'],
  HU: ['36', '06'],
  SI: ['386', '0'],
  HR: ['385', '0'],
  RO: ['40', '0'],
  BG: ['359', '0'],
  GR: ['30', ''],
  TR: ['90', '0'],
  RU: ['7', '8'],
  UA: ['380', '0'],
  EE: ['372', ''],
  LV: ['371', ''],
  LT: ['370', '8'],
  IL: ['972', '0'],
  AE: ['971', '0'],
  SA: ['966', '0'],
  EG: ['20', '0'],
  ZA: ['27', '0'],
  NG: ['234', '0'],
  KE: ['254', '0'],
  MA: ['212', '0'],
  IN: ['91', '0'],
  PK: ['92', '0'],
  BD: ['880', '0'],
  CN: ['86', '0'],
  HK: ['852', ''],
  TW: ['886', '0'],
  JP: ['81', '0'],
  KR: ['82', '0'],
  SG: ['65', ''],
  MY: ['60', '0'],
  TH: ['66', '0'],
  VN: ['84', '0'],
  PH: ['63', '0'],
  ID: ['62', '0'],
  AU: ['61', '0'],
  NZ: ['64', '0'],
  MX: ['52', ''],
  BR: ['55', '0'],
  AR: ['54', '0'],
  CL: ['56', ''],
  CO: ['57', ''],
  PE: ['51', '0'],
};

/** ISO country codes the phone type can normalize numbers for. */
export const PHONE_COUNTRIES = Object.keys(COUNTRIES);

const SEPARATORS = /[\s().\-/\u00a0]/g;
const DIGITS = /^\d+$/;

/**
 * Phone numbers. With a `+` or `00` prefix, or with `defaultCountry`, the value is normalized to
 * E.164 (`+4930901820`) and reported as info `phone_normalized` when that changed the text. A
 * national number without a default country is kept as written once it has a plausible length.
 */
export function compilePhone(spec: PhoneColumn): CellParser {
  const country = spec.defaultCountry?.toUpperCase();
  const entry = country === undefined ? undefined : COUNTRIES[country];
  if (country !== undefined && entry === undefined)
    throw new ColumnSpecError(
      `column "${spec.key}": defaultCountry "${spec.defaultCountry}" is not one of ${PHONE_COUNTRIES.join(', ')}`,
      spec.key,
    );
  return (input) => {
    const original = String(input);
    let digits = original.replace(SEPARATORS, '');
    let international = false;
    if (digits.startsWith('+')) {
      digits = digits.slice(1);
      international = true;
    } else if (digits.startsWith('00')) {
      digits = digits.slice(2);
      international = true;
    }
    if (!DIGITS.test(digits)) return fail('invalid_phone');
    let e164: string;
    if (international) e164 = digits;
    else if (entry) {
      const [code, trunk] = entry;
      const national = trunk && digits.startsWith(trunk) ? digits.slice(trunk.length) : digits;
      e164 = code + national;
    } else {
      return digits.length >= 6 && digits.length <= 15
        ? { ok: true, value: original }
        : fail('invalid_phone');
    }
    if (e164.length < 8 || e164.length > 15 || e164.startsWith('0')) return fail('invalid_phone');
    const value = `+${e164}`;
    return value === original
      ? { ok: true, value }
      : { ok: true, value, note: { code: 'phone_normalized', level: 'info', params: { original } } };
  };
}
