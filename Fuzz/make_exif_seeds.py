#!/usr/bin/env python3
"""Writes the FuzzExif seed corpus: EXIF blocks (TIFF header and IFDs) built here from
synthetic values, never cut from real photos. Each is what follows "Exif\\0\\0" in a JPEG's
APP1 segment. Run from anywhere: python3 Fuzz/make_exif_seeds.py"""
import os
import struct

ASCII, SHORT, LONG, RATIONAL = 2, 3, 4, 5
SIZES = {ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8}


def value_bytes(kind, value, order):
    if kind == ASCII:
        return value.encode() + b"\0"
    if kind == SHORT:
        return b"".join(struct.pack(order + "H", v) for v in value)
    if kind == LONG:
        return b"".join(struct.pack(order + "I", v) for v in value)
    return b"".join(struct.pack(order + "II", n, d) for n, d in value)


def count_of(kind, value):
    return len(value.encode()) + 1 if kind == ASCII else len(value)


def tiff(ifd0, exif=None, gps=None, order="<"):
    """Lays out IFD0, then the Exif and GPS sub-IFDs, each followed by its out-of-line values."""
    ifd0 = list(ifd0)
    if exif is not None:
        ifd0.append((0x8769, LONG, [0]))
    if gps is not None:
        ifd0.append((0x8825, LONG, [0]))
    blocks = [("ifd0", ifd0)] + [(n, e) for n, e in (("exif", exif), ("gps", gps)) if e is not None]

    def size(entries):
        extra = sum(
            len(value_bytes(k, v, order)) for _, k, v in entries if len(value_bytes(k, v, order)) > 4
        )
        return 2 + 12 * len(entries) + 4 + extra

    offsets, position = {}, 8
    for name, entries in blocks:
        offsets[name] = position
        position += size(entries)
    out = (b"II*\0" if order == "<" else b"MM\0*") + struct.pack(order + "I", 8)
    for name, entries in blocks:
        entries = sorted(
            (tag, kind, [offsets["exif"]] if tag == 0x8769 else [offsets["gps"]] if tag == 0x8825 else value)
            for tag, kind, value in entries
        )
        start = offsets[name]
        data_at = start + 2 + 12 * len(entries) + 4
        table, data = struct.pack(order + "H", len(entries)), b""
        for tag, kind, value in entries:
            raw = value_bytes(kind, value, order)
            if len(raw) <= 4:
                field = raw.ljust(4, b"\0")
            else:
                field = struct.pack(order + "I", data_at + len(data))
                data += raw + (b"\0" if len(raw) % 2 else b"")
            table += struct.pack(order + "HHI", tag, kind, count_of(kind, value)) + field
        out += table + struct.pack(order + "I", 0) + data
    return out


def camera(make="Mupic", model="Synthetic 1", orientation=1):
    return [(0x010F, ASCII, make), (0x0110, ASCII, model), (0x0112, SHORT, [orientation])]


def dates(original="2024:07:14 18:30:05", digitized="2024:07:14 18:30:05"):
    return [(0x9003, ASCII, original), (0x9004, ASCII, digitized)]


def gps(lat=(37, 33, 5990), lat_ref="N", lon=(126, 58, 4120), lon_ref="E"):
    return [
        (0x0001, ASCII, lat_ref),
        (0x0002, RATIONAL, [(lat[0], 1), (lat[1], 1), (lat[2], 100)]),
        (0x0003, ASCII, lon_ref),
        (0x0004, RATIONAL, [(lon[0], 1), (lon[1], 1), (lon[2], 100)]),
    ]


SEEDS = {
    "full-little-endian": tiff(camera() + [(0x0132, ASCII, "2024:07:14 18:31:00")], dates(), gps()),
    "full-big-endian": tiff(camera(orientation=6), dates(), gps(lat_ref="S", lon_ref="W"), order=">"),
    "camera-only": tiff(camera(make="NIKON", model="DSC (2)")),
    "unset-date": tiff(camera(orientation=8), dates("0000:00:00 00:00:00", "    :  :     :  :  ")),
    "dashed-date-no-gps": tiff([(0x0132, ASCII, "2019-12-31 23:59")], dates("2019-12-31 23:59:60", "")),
    "gps-without-ref": tiff(camera(), None, gps(lat_ref="", lon_ref="X")),
    "zero-denominator": tiff(
        camera(), None,
        [(0x0001, ASCII, "N"), (0x0002, RATIONAL, [(1, 0), (2, 0), (3, 0)]), (0x0003, ASCII, "E"),
         (0x0004, RATIONAL, [(4294967295, 1)])]),
    "orientation-out-of-range": tiff(camera(orientation=77)),
    "empty-ifd": tiff([]),
    "korean-model": tiff(camera(make="삼성", model="갤럭시 (테스트) (갤럭시 (테스트), ASCII")),
}

if __name__ == "__main__":
    directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus", "FuzzExif")
    os.makedirs(directory, exist_ok=True)
    for name, blob in SEEDS.items():
        with open(os.path.join(directory, name), "wb") as seed:
            seed.write(blob)
