import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectEncoding, LOW_CONFIDENCE } from './decode.ts';
import type { Encoding } from './encodings.ts';

/**
 * `text` in a legacy encoding, from the platform's own decoder run backwards: every byte (and,
 * for the multi-byte encodings, every two-byte sequence) decoded once, each character mapped back.
 */
function encode(text: string, encoding: Encoding): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const back = new Map<string, number[]>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !back.has(ch)) back.set(ch, [b]);
  }
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !back.has(ch)) back.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const mapped = back.get(ch);
      assert.ok(mapped, `${ch} is not in ${encoding}`);
      bytes.push(...mapped);
    }
  }
  return new Uint8Array(bytes);
}

// A few lines of a contact list in each language, in the encodings its files come in.
const SAMPLES: readonly [language: string, encodings: readonly Encoding[], text: string][] = [
  ['German', ['windows-1252'], 'Name;Ort\nJürgen Müller;Köln\nBärbel Schön;München\nGröße;Übung\n'],
  ['French', ['windows-1252'], 'Nom;Ville\nFrançois;Besançon\nHélène;Orléans\nJérôme;Nîmes, à côté\n'],
  [
    'Czech',
    ['windows-1250', 'iso-8859-2'],
    'Jméno;Město\nJiří Dvořák;České Budějovice\nRůžena Nováková;Plzeň\n',
  ],
  [
    'Polish',
    ['windows-1250', 'iso-8859-2'],
    'Imię;Miasto\nŁukasz Wałęsa;Gdańsk\nMałgorzata Źrebiec;Kraków, Łódź\n',
  ],
  [
    'Hungarian',
    ['windows-1250'],
    'Név;Város\nŐsz Ödön;Győr\nSzűcs Lőrinc;Székesfehérvár\nÁrvíztűrő tükörfúrógép;Pécs\n',
  ],
  [
    'Lithuanian',
    ['windows-1257'],
    'Vardas;Miestas\nJonas Žemaitis;Šiauliai\nRūta Čiurlionytė;Klaipėda\nĄžuolas Būga;Panevėžys\n',
  ],
  [
    'Turkish',
    ['windows-1254'],
    'Ad;Şehir;Not\nAyşe Yılmaz;İstanbul;çok güzel\nMehmet Öztürk;İzmir;ağaç ve ışık\n',
  ],
  [
    'Russian',
    ['windows-1251', 'koi8-r'],
    'Имя;Город\nИван Петров;Москва\nПётр Сидоров;Санкт-Петербург\nМария;Новосибирск\n',
  ],
  ['Greek', ['windows-1253'], 'Όνομα;Πόλη\nΓιώργος Παπαδόπουλος;Αθήνα\nΜαρία Νικολάου;Θεσσαλονίκη\n'],
  [
    'Japanese',
    ['shift_jis', 'euc-jp'],
    '名前,メール,住所\n田中太郎,tanaka@example.jp,東京都新宿区\n鈴木花子,suzuki@example.jp,大阪府大阪市\n',
  ],
  ['Chinese', ['gb18030'], '姓名,城市,备注\n王小明,北京,这是一个简单的测试\n李雷,上海,我们需要正确识别\n'],
  ['Chinese', ['big5'], '姓名,城市,備註\n王小明,臺北,這是一個簡單的測試\n李雷,高雄,我們需要正確識別\n'],
  [
    'Korean',
    ['euc-kr'],
    '이름,도시,메모\n김철수,서울,간단한 시험입니다\n이영희,부산,정확하게 인식해야 합니다\n',
  ],
];

describe('legacy encodings by the alphabets of their languages', () => {
  for (const [language, encodings, text] of SAMPLES) {
    for (const encoding of encodings) {
      test(`${language} in ${encoding}`, () => {
        const detected = detectEncoding(encode(text.repeat(10), encoding));
        assert.equal(detected.encoding, encoding);
        assert.ok(detected.confidence >= LOW_CONFIDENCE, `confidence ${detected.confidence}`);
        assert.equal(new TextDecoder(detected.encoding).decode(encode(text, encoding)), text);
      });
    }
  }

  test('German read as Baltic or Central European letters is not taken for them', () => {
    // windows-1257 and -1250 put Ų and ř where windows-1252 has Ø and ø: the letters decide.
    const detected = detectEncoding(
      encode('Navn;Sted\nØyvind Ærø;Tromsø\nBjørn Åsen;Bodø\n'.repeat(10), 'windows-1252'),
    );
    assert.equal(detected.encoding, 'windows-1252');
    assert.ok(detected.confidence >= 50, `confidence ${detected.confidence}`);
  });
});
