#!/usr/bin/env python3
"""Builds fuzz/corpus/<target>/ from the repository's test vectors (hex literals in tests/**/*.cs, the schema test
inputs). Re-run after adding vectors; the corpora are kept in the repository. The translator-text corpus is made by
the fuzz executable itself (fuzz/run.sh seed), as the XML/JSON must come from the translator."""
import hashlib, pathlib, re, shutil

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
HEX = re.compile(r'"((?:[0-9A-Fa-f]{2}[ ]?){4,})"')

vectors = set()
for source in sorted((root / "tests").rglob("*.cs")):
    for match in HEX.finditer(source.read_text(encoding="utf-8")):
        text = match.group(1).replace(" ", "")
        if len(text) % 2 == 0 and len(text) <= 2 * 2048:
            vectors.add(bytes.fromhex(text))
vectors = sorted(vectors)

def wrapper(apdu, client=16, server=1):
    return bytes([0, 1, 0, client, 0, server]) + len(apdu).to_bytes(2, "big") + apdu

# Green Book AARQ for LN referencing without authentication, client 16 (the one the examples use).
AARQ = bytes.fromhex("601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFF")
RLRQ = bytes.fromhex("6200")

seeds = {name: set() for name in ["axdr", "apdu", "acse", "hdlc", "wrapper", "translator-binary", "schema", "server-session"]}
for v in vectors:
    seeds["apdu"].add(v)
    seeds["translator-binary"].add(v)
    if v[0] in (0x60, 0x61, 0x62, 0x63):
        seeds["acse"].add(v)
    if v[0] <= 0x1B or v[0] == 0x01:
        seeds["axdr"].add(v)
    if v[0] == 0x7E:
        seeds["hdlc"].add(bytes([0, 0, 0, 0]) + v)
        seeds["hdlc"].add(bytes([1, 5, 7, 0]) + v)
    if v[:2] == b"\x00\x01":
        seeds["wrapper"].add(bytes([0, 0, 0, 0]) + v)
    elif v[0] in (0xC0, 0xC1, 0xC3, 0xC8, 0xC9, 0xCB, 0xD0, 0xD1, 0xD3, 0xE0, 0xE1, 0xE3, 0x05, 0x06, 0x0C, 0x0D):
        seeds["server-session"].add(wrapper(AARQ) + wrapper(v) + wrapper(RLRQ))
        seeds["wrapper"].add(bytes([0, 3, 9, 0]) + wrapper(v))
seeds["server-session"].add(wrapper(AARQ) + wrapper(RLRQ))
for xml in sorted((root / "tests" / "Cosem.Sdk.Generators.Tests" / "Inputs").glob("*.xml")):
    seeds["schema"].add(xml.read_bytes())
for xml in sorted((root / "schema" / "classes").glob("*.xml")):
    if xml.stat().st_size <= 6000:
        seeds["schema"].add(xml.read_bytes())

for name, items in seeds.items():
    folder = corpus / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for item in sorted(items)[:400]:
        (folder / ("seed-" + hashlib.sha1(item).hexdigest()[:16])).write_bytes(item)
    print(f"{name}: {min(len(items), 400)} seeds")
