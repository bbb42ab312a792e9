"""List metadata of every *-fulltxt.xml at the commit (journal, subjects, type, DOI, ref/xref counts, title,
abstract) -- support15's list.py plus the abstract text (for the title/abstract stratum rule)."""
import json
import subprocess

from lxml import etree

G = "/work/.mirror/0AlphaZero0+Text-Classification-Data-Citation-EuropePMC/repo/.git"
C = "d896e509bf9b3cf106b3d35306f0a80064398a3d"
D = "MLAnalysis/Modelsaved/PipelineDatasetCreation/articlesOA/"
names = subprocess.run(["git", f"--git-dir={G}", "ls-tree", "--name-only", C, D], capture_output=True,
                       text=True).stdout.split()
names = [n for n in names if n.endswith("-fulltxt.xml")]
p = subprocess.Popen(["git", f"--git-dir={G}", "cat-file", "--batch"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
with open("meta.jsonl", "w") as out:
    for n in names:
        p.stdin.write(f"{C}:{n}\n".encode())
        p.stdin.flush()
        hdr = p.stdout.readline().split()
        size = int(hdr[2])
        data = p.stdout.read(size)
        p.stdout.read(1)
        try:
            root = etree.fromstring(data, etree.XMLParser(recover=True, huge_tree=True))
        except Exception:
            continue
        if root is None or root.tag != "article":
            continue
        j = (root.xpath("string(//journal-meta//journal-title)")
             or root.xpath("string(//journal-meta//journal-id)"))
        subs = [" ".join(s.itertext()).strip() for s in root.xpath("//article-meta//subj-group//subject")]
        doi = root.xpath("string(//article-meta/article-id[@pub-id-type='doi'])")
        abstract = " ".join(" ".join(a.itertext()) for a in root.xpath("//article-meta/abstract"))
        out.write(json.dumps({
            "path": n, "journal": " ".join(j.split()), "subjects": subs, "type": root.get("article-type"),
            "doi": doi.strip().lower(), "refs": len(root.xpath("//ref-list//ref")),
            "xrefs": len(root.xpath("//body//xref[@ref-type='bibr']")),
            "title": " ".join(root.xpath("string(//article-meta//article-title)").split()),
            "abstract": " ".join(abstract.split())}) + "\n")
