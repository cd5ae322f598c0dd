#!/usr/bin/env python3
"""Writes a synthetic dataset in the Melon Playlist Dataset layout at the original's scale.

The original ingested 251,094 rows and kept 127,639 songs. This makes SONGS song_meta.json
entries (default 260,000) and playlists whose songs are drawn with a Zipf-like popularity,
so about half the songs land in a tagged playlist and are kept, as in the original.
Hashtags come from the bundled synonym table and vocabulary, plus words that map to no tag.
Deterministic: the same seed gives byte-identical files.

Usage: scripts/bench/make_synthetic_melon.py OUT_DIR [--songs 260000] [--playlists 14000] [--seed 1]
"""
import argparse, json, os, pathlib, random

ROOT = pathlib.Path(__file__).resolve().parents[2]
GENRES = {
    "GN0100": "발라드", "GN0200": "댄스", "GN0300": "랩/힙합", "GN0400": "R&B/Soul", "GN0500": "인디음악",
    "GN0600": "록/메탈", "GN0700": "성인가요", "GN0800": "포크/블루스", "GN0900": "POP", "GN1100": "일렉트로니카",
    "GN1500": "OST", "GN1600": "클래식", "GN1700": "재즈", "GN1800": "뉴에이지", "GN1900": "J-POP", "GN2500": "아이돌",
    "GN2100": "CCM", "GN2200": "어린이/태교",  # not among Mupic's 16: rejected as unknown genre
}
NOISE = ["감성", "분위기", "명곡", "띵곡", "노래", "플레이리스트", "2019", "인기", "최신", "음악", "좋은노래", "추천"]


def hashtags():
    tags = []
    for line in (ROOT / "Sources/MupicCore/Resources/synonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tags.append(line.split("\t")[0])
    vocab = (ROOT / "Sources/MupicCore/Vocabulary+Tags.swift").read_text(encoding="utf-8")
    for part in vocab.split('korean: "')[1:]:
        tags.append(part.split('"')[0])
    return tags


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--songs", type=int, default=260_000)
    parser.add_argument("--playlists", type=int, default=14_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    codes = list(GENRES)
    weights = [8, 6, 5, 4, 6, 4, 3, 3, 8, 4, 4, 3, 3, 2, 3, 6, 1, 1]
    songs = []
    for song_id in range(args.songs):
        artist = f"Artist {rng.randrange(args.songs // 8):05d}"
        title = f"Song {song_id:06d} {rng.choice(['Rain', '밤', 'Drive', '봄날', 'Night', '사랑', 'Blue', '여름'])}"
        songs.append({
            "song_gn_dtl_gnr_basket": [], "issue_date": f"{rng.randrange(1980, 2021)}{rng.randrange(1, 13):02d}00",
            "album_name": f"Album {song_id // 10:05d}", "album_id": song_id // 10, "artist_id_basket": [0],
            "song_name": title, "song_gn_gnr_basket": [rng.choices(codes, weights)[0]],
            "artist_name_basket": [artist], "id": song_id,
        })
    # About 2% exact duplicates (same title, artist, genre under another id), as crawled data has.
    for song in rng.sample(songs, args.songs // 50):
        twin = dict(song)
        twin["id"] = len(songs)
        songs.append(twin)

    pool = hashtags()
    playlists = []
    for playlist_id in range(args.playlists):
        count = rng.choices([0, 1, 2, 3, 4], [5, 35, 35, 18, 7])[0]
        tags = rng.sample(pool, count) + ([rng.choice(NOISE)] if rng.random() < 0.3 else [])
        members = set()
        for _ in range(rng.randrange(5, 40)):
            # Popular songs are in many playlists; the long tail in one or none.
            members.add(min(int(rng.paretovariate(0.35)) - 1 + rng.randrange(20), len(songs) - 1)
                        if rng.random() < 0.3 else rng.randrange(len(songs)))
        playlists.append({"tags": tags, "id": playlist_id, "plylst_title": f"playlist {playlist_id}",
                          "songs": sorted(members), "like_cnt": rng.randrange(100), "updt_date": "2020-01-01 00:00:00.000"})

    (out / "genre_gn_all.json").write_text(json.dumps(GENRES, ensure_ascii=False), encoding="utf-8")
    (out / "song_meta.json").write_text(json.dumps(songs, ensure_ascii=False), encoding="utf-8")
    (out / "train.json").write_text(json.dumps(playlists, ensure_ascii=False), encoding="utf-8")
    print(f"{len(songs)} songs, {len(playlists)} playlists in {out}")


if __name__ == "__main__":
    main()
