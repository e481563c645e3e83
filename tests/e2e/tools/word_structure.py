"""Prints the headings (Heading 1-3) and the heading rows of the tables of a .docx, in
order, as JSON, read straight from its word/document.xml: the end-to-end tests compare
them with the printed page of the same document."""
import html
import json
import re
import sys
import zipfile

xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")


def text(part):
    return html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", part))).strip()


paragraphs = re.findall(r"<w:p>.*?</w:p>", xml, re.S)
headings = [text(p) for p in paragraphs if re.search(r'<w:pStyle w:val="Heading[123]"/>', p)]
columns = []
for table in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S):
    first = re.search(r"<w:tr>(.*?)</w:tr>", table, re.S)
    if first and "<w:tblHeader/>" in first.group(1):
        columns.append([text(c) for c in re.findall(r"<w:tc>.*?</w:tc>", first.group(1), re.S)])
print(json.dumps({"headings": headings, "columns": columns}))
