"""The stance of a citing sentence toward one work it cites: supporting, contrasting or mentioning.

Cue phrases decide, and the cue that decided is kept. Where a sentence cites several works in
different clauses, only the clause holding the marker counts: the sentence is cut at `;`, at ', but'
/ ', whereas' / ', and' …, and before each cue phrase, with every citation marker masked first so
the commas inside '(Smith, 2001; Jones, 2002)' cut nothing. Contrasting cues are looked for first
(a 'not consistent with' is not a 'consistent with'; a prior hypothesis answered by ', but'), then
agreement ('as previously reported'), then mentioning ('for a review see', 'as described
previously', 'e.g.' in the citation, a verb of use leading up to this very marker, background
pointers), then supporting ('consistent with', 'confirmed'). No cue: in a methods section the
citation is mentioning (cue 'section: <heading>'); elsewhere a citation that backs a claim of the
citing text is supporting (it is offered as support; the cue is ''), any other is mentioning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from graph.schema import Stance
from ingest.claims import caseless
from ingest.cues import Alternatives, CueScanner, PatternSet

# What a '(see …)' points at in the citing article itself, not in a cited work: '(see S1 Text)',
# '(see Fig. 1C)', '(see Methods)'.
_OWN_PART = (r"fig(?:s|ure|ures)?\b|tables?\b|s\d|supplement\w*|supporting|appendix|sections?\b|methods\b|"
             r"below|above|box\b|eqs?\b|equations?\b|text\b|materials\b")
CONTRASTING = re.compile(
    r"\b(?:contrar(?:y|ily) to(?! (?:its|their|his|her) (?:\w+ )?(?:aims?|purposes?|goals?|intentions?|"
    r"expectations?|hypothes[ie]s|predictions?)\b)|(?:argu|speak)(?:e|es|ed|ing|s)? against|at variance with|"
    r"(?:do|does|did) not support (?:the|this|these|that|their|its|his|her)|discrepan(?:cy|cies|t) with|"
    r"(?:in )?discordan(?:ce|t) with|"
    r"(?:have |has |had )?(?:shown|found|reported|observed) the (?:opposite|reverse)|"
    # a difference from the findings of the work, not of a thing ('which differ from those of the other
    # species', 'differs from that of Ch. argus (Bressman et al. 2019a)': fresh4)
    r"differ(?:s|ed)? (?:\w+ly )?from (?:those|that) of (?:(?:the|these|previous|earlier|prior|other|"
    r"published|"
    r"recent) )*"
    r"(?:(?:\w+ )?(?:studies|study|authors|reports?|work|investigators|groups?|scholars|researchers|"
    r"analys[ie]s|"
    r"accounts?)\b|\x00|"
    r"(?-i:[A-Z])[\w'-]+ (?:et al|and))|"
    r"^in contrast,? (?:a|an|one|another|other|some|several|many|recent|previous|earlier|prior|later) "
    r"(?:[\w-]+ ){0,3}?(?:study|studies|report|reports|work|authors|investigators|groups?|trials?|"
    r"analys[ie]s) (?:\w+ )?(?:have |has |had )?(?:found|reported|showed|shown|observed|demonstrated|"
    r"detected)|"
    r"(?:in contrast (?:to|with)|unlike|as opposed to)(?= \x00)|"
    r"(?:in contrast (?:to|with)|unlike|as opposed to) (?:(?:the|what|some|many|"
    r"several|most|"
    r"all|these|those|earlier|previous|prior|other|published|recent|"
    r"former) )*(?:(?:\w+ ){0,2}(?:studies|study|"
    r"reports?|findings?|results?|observations?|work|data|claims?|suggestions?|models?|proposals?|views?|"
    r"conclusions?|statements?|assumptions?|estimates?|interpretations?|descriptions?|"
    r"authors|groups|investigators|was|were|has been|had been)\b|"
    # an author named: 'in contrast to Merrick et al. 11', '… to Smith and Jones (2001)' (the pattern is
    # case-blind, so the capitals are asked for: 'in contrast to CsA and tacrolimus, Rapamycin …' compares
    # drugs, fresh7)
    r"(?-i:[A-Z])[\w'-]+ (?:et al|and (?-i:[A-Z])))|"
    # the verb ('Contradicting these reports are cohort studies …': fresh9), not its participle as an
    # adjective ('contradicting findings have been reported on …', a mixed literature: mentioning, fresh2)
    r"(?<!not )(?<!n't )(?<!never )contradict(?:s|ed|ing)?(?! (?!(?:these|those|the|this|that|their|its|his|"
    r"her|such|our|all|both)\b)(?:\w+ )?(?:findings|results|reports|data|"
    r"evidence|observations|studies) (?:have|has|had|were|was|are|exist))|"
    # 'contradictory' only with what it contradicts ('may seem contradictory to reports of …'): 'contradictory
    # findings / results have been reported [27], [28]' says the literature is mixed and cites its parts (1 of
    # 7 such records contrasting over the nine sets); 'a contradiction', 'in contradiction to these studies'
    r"contradictory (?=to|with)|(?<!no )(?<!not a )contradictions?|"
    r"(?:are|is|was|were|be) (?:not|in)consistent with|(?:not|in)consistent with|"
    r"not (?:entirely |fully |completely )?(?:consistent|in (?:agreement|line|accordance|keeping)) with|"
    r"at odds with|in (?:conflict|disagreement) with|conflict(?:s|ed|ing)? with|disagree(?:s|d|ment)?\b|"
    r"(?:failed|fail|fails|failure) to (?:replicate|reproduce|confirm|support|detect|find|observe)|"
    r"(?:could|did|do|does|were|was) not (?:replicate|reproduce|confirm|corroborate)|"
    r"(?:were|was|are|is|am|been) unable to (?:replicate|reproduce|confirm|corroborate)|"
    r"(?:must|has to|have to|needs? to|should) be reconciled with|"
    r"(?:challenge[sd]?|refute[sd]?|dispute[sd]?) (?:the|this|these|that|their|its|his|her)|"
    r"question(?:s|ed)? (?:the|this|these|their|its|his|her)|"
    r"differ(?:s|ed|ent)? from (?:those|that|the (?:results|findings|observations)) (?:previously |earlier )?"
    r"(?:reported|described|observed|found|published)|"
    r"opposite (?:to|of) (?:those|that|the|what)|(?:has|have) been (?:challenged|disputed|questioned|"
    r"refuted)|"
    # ('no / little evidence for' is no cue: a negative finding the cited works report or share, 0 of 7
    # contrasting over the six labelled sets)
    r"not been (?:supported|replicated|confirmed)|"
    # an active 'have not supported statistical analysis' is no verdict on the work (fresh4)
    r"(?<!have )(?<!has )(?<!had )not (?:supported|replicated|confirmed)|"
    r"cast(?:s|ing)? doubt|call(?:s|ed)? into question|(?:a |an )?(?:different|alternative) interpretation|"
    # a work named as the subject of a negative finding set against another's (support14): 'Hulsmann et al.
    # (2015) found a similar pattern …, while Pacheco & Vasconcelos (2007) found no effect on ant abundance'
    r"(?:whereas|while) \x00+ (?:have |has |had )?(?:found|reported|observed|showed|detected) no\b|"
    r"(?:whereas|while) \x00+ (?:did|could) not (?:find|observe|detect|show)\b|"
    r"(?:whereas|while|but|however,?) (?:other|others|another|some other|later|more recent|subsequent)"
    r"(?: studies|"
    r" reports|"
    r" authors| groups| investigators| work)? (?:have |has |had )?(?:found|reported|shown|observed|failed|"
    r"described|demonstrated|detected|seen)|"
    r"(?:other|others|another|some other|later|more recent|subsequent)(?: studies| reports| authors| groups|"
    r" investigators| work)?,? however,? (?:have |has |had )?(?:found|reported|shown|observed|failed|"
    r"demonstrated|detected)|"
    r"contrast(?:s|ed)? (?:sharply |markedly )?with (?:\w+ ){0,3}?(?:studies|study|reports?|findings?|"
    r"results?|observations?|work|data|claims?)|"
    r"(?:longer|shorter|higher|lower|greater|smaller|larger|faster|slower|weaker|"
    r"stronger) than (?:those |that |"
    r"the (?:values? |rates? |times? )?|what (?:was |were |has been |had been )?)?(?:(?:previously |earlier )"
    r"(?:reported|described|observed|found|estimated|measured)|(?:reported|described)|"
    # measured, observed, found or estimated with no word of earlier work is this study's own comparison
    # (support13: 'antibody concentrations were higher than those measured post-primary vaccination')
    r"(?:observed|found|estimated|measured)(?= (?:previously|earlier|elsewhere|before|by|in (?:previous|"
    r"earlier|other|prior|published)\b)|\s*[(\[\x00\x01]))|"
    r"(?:longer|shorter|higher|lower|greater|smaller|larger|faster|slower|weaker|stronger|more|less|fewer)\b"
    r"[^.;,\x00]{0,80}?\sthan (?:(?:the |those |that )?(?:previous|earlier|prior|published) "
    r"(?:estimates?|reports?|studies|values?|figures?|findings)|"
    r"previously (?:reported|described|estimated|published|found))|"
    r"(?:unlikely|not)\b[^.;]{0,160}\bas (?:(?:previous|earlier|prior|other|some) )?(?:reports|studies|work|"
    r"authors|investigators)? ?(?:have |has |had )?(?:suggested|proposed|claimed|hypothesi[sz]ed|reported)|"
    r"^(?:although|though|even though|while)\b[^;]{0,240}?,\s*(?:we|our|here|in our|this study|in this study)"
    r"\b[^.;]{0,80}?\b(?:not|no|none|neither|failed|unable)|(?:conclusions?|findings?|claims?|results?|"
    r"evidence|"
    r"hypothes[ie]s) "
    r"(?:\w+ ){0,2}(?:uncertain|questionable|doubtful|inconclusive|unconvincing|controversial)|"
    # doubt that the cited works' efforts were adequate (fresh9): 'Although several studies have attempted
    # to … [2], [3], [8], [17], it remains questionable if these efforts were sufficient in modeling …'
    r"(?:questionable|doubtful|debatable|uncertain|unclear) (?:if|whether) (?:these|those|such|their|the "
    r"(?:previous|earlier|prior|published)) (?:[\w-]+ )?(?:efforts|attempts|studies|approaches|methods|"
    r"analyses|models|estimates|designs|adjustments) (?:were|are|was|is|have been|had been) (?:\w+ly )?"
    r"(?:sufficient|adequate|valid|appropriate|reliable|correct|accurate|justified|enough|successful|robust)|"
    # the citing article's critique of the work (added from fresh4's errors): 'there is no ground to infer
    # that … (Pierce et al. 2013)', 'cannot be explained in the framework of … suggested by Pierce et al.
    # (2013)', 'the authors entirely overlooked', 'Lucas (2015) attempted to argue that', 'the most crucial
    # fault of the walking model suggested … by Vorobyeva and Kuznetsov (1992)', 'Earlier studies
    # suggested …, but these studies were done in the absence of CGI-58 [102]', 'the older literature …'
    r"no grounds? (?:to|for) (?:infer|assum|believ|conclud|suppos|expect)\w*|"
    r"cannot be explained (?:by|in|within|with)|(?:entirely |completely |largely )?overlooked|"
    r"attempted to (?:argue|show|demonstrate|prove)|"
    r"(?:the )?(?:(?:most|main|crucial|serious|major|key) )*(?:fault|flaw)s? (?:of|in) (?:the|this|their|"
    r"these|that) (?:[\w-]+ ){0,2}(?:models?|hypothes[ie]s|stud(?:y|ies)|analys[ie]s|reconstructions?|"
    r"interpretations?|approach(?:es)?|methods?|arguments?|work|theor(?:y|ies)|conclusions?)|"
    r"but (?:these|those|this|their|the (?:earlier|previous|prior|older)) (?:\w+ )?(?:studies|study|work|"
    r"experiments|analyses|authors|reports) (?:were|was) (?:\w+ly )?(?:done|performed|conducted|carried out|"
    r"based|limited|restricted)|"
    r"(?:the )?older literature|"
    # a contrast with what earlier work posited (added from fresh5's errors): 'in contrast to the two to four
    # classes posited by earlier analyses (Cablitz 2008; Haspelmath 2019: 323)'
    r"(?:in contrast (?:to|with)|unlike|contrary to|as opposed to) [^,;.\x00\x01]{0,80}?\b(?:posited|"
    r"proposed|"
    r"suggested|claimed|assumed|predicted|postulated|argued for|put forward) (?:by|in) (?:(?:the|earlier|"
    r"previous|"
    r"prior|other|some|many|most|these|those|existing|standard|traditional) )*(?:\w+ )?(?:analys[ie]s|"
    r"accounts?|"
    r"studies|work|authors|reports|researchers|scholars|literature|approach(?:es)?|models?|theor(?:y|ies)|"
    r"proposals?|treatments?|\x00))\b",
    re.IGNORECASE)
# 'but see' inside the citation's own brackets points to work that disputes the sentence's claim:
# 'is expected to occur at intermediate levels of disturbance (but see Fox (2013), Sheil & Burslem (2013),
# and Huston (2014) for discussions on the validity of the IDH)'; bound to the markers inside those brackets.
# Since fresh7 also after a semicolon, outside brackets: '… compared with controls [18–22]; but see [23,24].'
BUT_SEE = re.compile(r"[(\[]\s*but see\b(?:[^()\[\]\x00]|\(\d{4}[a-z]?\))*\x00"
                     r"|;\s*but see\s+[(\[]?(?:[\x01,\s]|and\b)*\x00", re.IGNORECASE)
# A result that departs from the work's own figure or classification, bound to the marker right after it
# (fresh7): 'even earlier than previously indicated [164]', 'This is lower than the size estimates in [26]',
# 'conforming to the membership of Ceratophryidae in Frost et al. [9], although not that of Pyron and Wiens
# [27]' ([27] only: the other markers are not this one).
DEPARTS_FROM = re.compile(
    r"\b(?:(?:longer|shorter|higher|lower|greater|smaller|larger|earlier|later|older|younger|more|less|fewer)"
    r"\b[^.;,\x00\x01]{0,80}?\sthan (?:previously (?:indicated|thought|suggested|assumed|believed|reported|"
    r"estimated|described)|(?:the |those |that )?(?:[\w-]+ ){0,2}estimates? (?:in|of|by|from))"
    r"|(?:although|but|though) not (?:that|those) of(?: (?-i:[A-Z])[\w'-]+(?: (?:and|&) (?-i:[A-Z])[\w'-]+"
    r"| et al\.?)?)?) \x00", re.IGNORECASE)
# A proposal of the work the sentence has just denied: 'the first terrestrial gait … was a trot, not a walk
# with sequential placement of 4 limbs one by one, as was suggested … by Gray (1944)', 'it could not be
# demonstrated experimentally that …, as had been proposed in the older literature [4]'. The marker's
# clause opens with the 'as … suggested', the clause before it holds the negation.
AS_PROPOSED = re.compile(
    r"^[\s,]*as (?:was|were|is|are|had been|has been|have been) (?:\w+ly )?(?:suggested|proposed|claimed|"
    r"assumed|thought|believed|hypothesi[sz]ed|postulated|argued)\b", re.IGNORECASE)
# Where a finding was seen, after 'has been described' (support14): 'has been described in numerous
# heterotrophic bacteria (3, 9)', 'a J-shaped relationship has been described between BP and prognosis'
# (support12) state the finding; 'described in detail', 'described in the literature / previous studies /
# Smith et al.', 'described in (3)' point to the work.
_FOUND_IN = (r"(?! (?:in|among) (?!(?:detail|(?:the )?literature|(?:(?:a|the|our|their|this|these) )?"
             r"(?:previous|earlier|prior|recent|original|same|above|following|present)\b|refs?\b|references?\b|sections?\b|"
             r"chapters?\b|(?:\w+ )?(?:studies|reports|papers|publications|articles|reviews?|works?|"
             r"literature)\b|(?-i:[A-Z])[\w'-]+ (?:et al|and|&)|[\x00\x01\[(\d]))[\w-]|"
             r" between (?![\x00\x01\[(\d])[\w-])")
DENIAL_BEFORE = re.compile(r"\b(?:not|no|cannot|never|rather than|instead of)\b[^.;]*$", re.IGNORECASE)
MENTIONING = re.compile(
    # a review that is the subject of a finding reports it, it is no pointer ('A Cochrane review found
    # insufficient data …', 'systematic reviews and meta-analyses have indicated …': fresh7)
    r"\b(?:\breviewed\b|\breviews?\b(?!(?:,? (?:which|that))?(?: [\w-]+){0,8}? (?:have |has )?(?:found|"
    r"concluded|concludes|indicated|indicates|identified|identifies|showed|shows|demonstrated|demonstrates|"
    r"reported|reports)\b)|elsewhere|previously (?:reported|described|utili[sz]ed|used|published)|"
    # 'has been reported' alone is a pointer; followed by what was found, or where and in whom ('It has been
    # reported that …', 'has been reported in up to 60% of patients [4]', 'has been reported from the Pliocene
    # of Argentina [151]': 36 supporting, 1 mentioning over the eight sets), it states the finding (fresh7)
    # ('reported on the spatial distribution of …' names a topic: it stays a pointer)
    r"(?:has|have) been (?:\w+ly )?reported(?! (?:to|as|(?:previously )?that)\b| (?:in|from|among|for|"
    r"with|after|during|at|across|between) (?![\x00\x01\[(\d]))|(?:(?:computer|software|statistical|"
    r"analysis|custom|in-house|written|R|(?-i:[A-Z][\w-]*[A-Z0-9][\w-]*)) (?:program|programs|environment)|"
    r"software|package|pipeline|toolkit|"
    r"toolbox|database|server|algorithm)\b|"
    # ('have been recorded from several Late Miocene localities [147]' is a finding: fresh7)
    r"(?!been (?:\w+ly )?recorded (?:from|in|among) (?![\x00\x01\[(\d]))"
    r"(?:was|were|been|is|are) (?:\w+ly )?(?:performed|isolated|extracted|selected|fitted|grown|cultured|"
    r"constructed|generated|prepared|purified|processed|collected|recorded|quantified|named|based on|"
    r"carried out|done|implemented|modified|adapted|synthesi[sz]ed|cloned|amplified|sequenced|stained|"
    r"imaged|analy[sz]ed|calculated|computed|normali[sz]ed|obtained|derived|designed)\b|for (?:a |an |"
    r"recent |comprehensive |detailed )?(?:reviews?|overviews?|summary|discussion|details|"
    r"more details|further details|background)(?:,)? (?:see|refer to)|(?:reviewed|summari[sz]ed|discussed) "
    # a pointer naming its topic first (fresh4): '(for pros and cons of dual income taxes, see Genser and
    # Reutter, 2007)'
    r"(?:in|by|elsewhere)|(?<=[(\[])for [^()\[\];.]{3,80}?, see\b|see (?:also|e\.g\.|for example|reviews?)|"
    r"(?:(?<=\()|(?<=\[))see\b(?!\s+(?:" + _OWN_PART + r"))|\bcf\.|"
    r"(?:as|was|were|been) (?:previously |already )?(?:described|published|detailed)(?: previously| "
    r"before| elsewhere| earlier)?(?= *(?:\(|\[|\d|$|in\b|by\b|,|\.|;))" + _FOUND_IN + r"|"
    # a method, or a definition or norm followed (fresh9: 'was defined in accordance with an international,
    # generally accepted definition (…)', 'based on recommendations made by …'; over the nine sets 21 of 22
    # records naming a definition, guideline, recommendation, classification or convention so are mentioning)
    # ('is not itself of practical use within a numerical method': the noun, support13)
    r"(?:using|used|(?<!\bof )(?<!\bpractical )(?<!\blittle )(?<!\bgreat )(?<!\bno )use|following|"
    r"according to|adapted from|modified from|based on) (?:the |a |an )?"
    r"(?:[\w-]+ ){0,3}"
    r"(?:method|methods|protocol|protocols|procedure|procedures|approach|algorithm|software|package|pipeline|"
    r"criteria|scale|technique|assay)s?\b|"
    r"(?:using|following|according to|in accordance with|as per|based on) (?:the |a |an )?(?:[\w-]+,? ){0,4}"
    r"(?:definitions?|guidelines?|recommendations?|classifications?|conventions?|nomenclature|criteria)\b|"
    r"(?:method|protocol|procedure|software|package|tool)s? "
    r"(?:of|from|described by|developed by)|(?:kindly )?(?:provided|obtained|purchased|donated|gifts?) "
    r"(?:by|from)|(?:defined|classified|calculated|measured|scored|assessed|estimated) (?:as|using|with|by|"
    r"according)|available (?:at|from)|"
    r"(?:has|have) been (?:described(?! (?:to|as)\b)" + _FOUND_IN + r"|reviewed)|"
    # a use named, not a finding (support14): 'Cytokine adsorption has been used in other states of …
    # inflammation, including liver transplantation (24)', 'NHPs have been used extensively as an
    # approximation', 'has been extensively used to this purpose'; 'used for diverse autoimmune diseases'
    # and 'used to detect individual differences' report what it did: no cue
    r"(?:has|have) been (?:\w+ly )?used(?: \w+ly)? (?:in|as|to (?:this|that|these) (?:purposes?|ends?))\b)",
    re.IGNORECASE)
SUPPORTING = re.compile(
    r"\b(?:consistent with|in (?:agreement|line|accordance|keeping) with|agree(?:s|d|ing)? (?:well )?with|"
    # ('To confirm whether these sequences existed …, we examined …' states a purpose: support13)
    r"concordant with|compatible with|corroborat(?:e|es|ed|ing)|"
    r"(?<!\bto )confirm(?:s|ed|ing)?(?! (?:whether|if)\b)|"
    r"replicat(?:e|es|ed|ing)|"
    r"(?:similar|comparable|analogous) (?:to|with) (?:those|that|what|the|previous|earlier|prior|results|"
    r"findings|observations)|similar (?:results|findings|observations|effects)|support(?:s|ed|ing)? "
    r"(?:the|this|these|our|previous|earlier|prior)|as (?:previously |earlier )?(?:shown|demonstrated|"
    r"found|observed|predicted|suggested|expected)|(?:also|previously|similarly) (?:shown|found|observed|"
    r"reported|demonstrated)|in support of)\b",
    re.IGNORECASE)
# Support that names a finding it agrees with; looked for before the mentioning cues, whose
# 'previously reported' it would otherwise be.
AGREEING = re.compile(
    r"\b(?:as (?:was |has been |had been )?(?:previously |earlier |already |first )?(?:reported|shown|"
    r"observed|found|"
    r"demonstrated|proposed|suggested|predicted|expected|seen)|(?:consistent|in (?:agreement|line|accordance|"
    r"keeping)) with (?:(?:the|our|these|those|previous|earlier|prior|published|"
    r"recent|previously|reported|described) )*(?:\w+ )?(?:studies|"
    r"reports?|findings?|results?|observations?|data|work|evidence)|"
    # a result set beside what was published (support15): 'coverage similar to what has been previously
    # published utilizing this method [16]' ('similar to that previously described [11]' after a procedure
    # is the procedure's source: no cue)
    r"(?:similar|comparable) to (?:what|that|those) (?:was |were |has been |had been )?"
    r"(?:previously |earlier )?(?:published|reported|observed|found)|"
    r"similar (?:results|findings|observations) "
    r"(?:are|were|have been|had been|was) (?:\w+ )?(?:obtained|found|reported|observed|seen))\b",
    re.IGNORECASE)
# 'e.g.' names examples only where it stands in the citation's brackets (nothing but markers between it
# and this one: '(e.g. Foot-and-mouth disease [45], …)' cites [45] as evidence) or just before the marker
# ('(e.g., Smith 2001)', 'fields, e.g. (Jones 2006)'); 'water-related e.g. associated with high
# rainfall [31]' uses its examples as evidence and is no cue.
EXAMPLE = re.compile(r"(?:(?<=\()|(?<=\[))e\.g\.(?=,?(?:[\s,;]|\x01|\band\b|\bsee\b|"
                     r"\bref(?:s|erences?)?\.?)*?\x00)|"
                     r"\be\.g\.,?\s*(?=\x00|\(|\[)", re.IGNORECASE)
# A tool, method, reagent or data set used: a verb of use or provenance whose object runs up to the
# marker ('inferred with PhyML 3.0 (Guindon et al., 2010) using the LG matrix (Le and Gascuel, 2008)',
# 'following the guidelines for cross-cultural adaptation [18,19]', 'recommended by Slade [29]', 'a gift
# from'). A bare 'According to Smith (2015), …' is no such cue: in news and web text it attributes
# the claim to its evidence.
_METHOD_VERB = (
    r"(?:performed|carried out|done|conducted|inferred|estimated|computed|calculated|analy[sz]ed|aligned|"
    r"assembled|measured|quantified|constructed|built|generated|obtained|derived|prepared|processed|"
    r"visuali[sz]ed|imaged|fitted|modell?ed|simulated|annotated|cloned|amplified|sequenced|mapped|called|"
    r"normali[sz]ed|implemented|run|evaluated|assessed|scored|classified|translated|adapted|modified|"
    r"extracted|isolated|grown|cultured|maintained|reared|stained|labell?ed|purified|synthesi[sz]ed|"
    r"collected|recorded|tested|dated)")
_UP_TO_MARKER = (r"(?:the |a |an )?(?:(?!\b(?:when|which|that|who|where|whose)\b)[^,;:()\[\]\x00\x01]){0,80}?"
                 r"[(\[]?(?=\x00)")
USED = re.compile(
    r"\b(?:(?:using|with the help of|by means of|following|implemented in|run (?:in|with|on)|"
    # ('fossil remains … have been recorded from several Late Miocene localities [147]' is a finding: fresh7)
    r"(?!been (?:\w+ly )?recorded (?:from|in|among)\b)"
    r"(?:is|was|were|are|been) (?:\w+ly )?" + _METHOD_VERB + r" (?:with|using|in|on|by|from|"
    r"according to|as in)|"
    r"(?:recommended by|developed by|introduced by|designed by|described by|"
    r"(?:downloaded|retrieved|adapted|modified) from)) " + _UP_TO_MARKER + r"|"
    r"(?:(?:crystal|cryo-?em|nmr|solution|docked) )+structures? of " + _UP_TO_MARKER + r"|"
    r"(?:a |as a )?(?:kind |generous )?gifts? (?:of|from)|(?:kindly |generously )(?:provided|supplied|"
    r"donated|shared|given))",
    re.IGNORECASE)
# A concession that the main clause then overturns, the marker inside it: 'while it would seem that
# out-crossing should lead to random associations (Tibayrenc et al., 1990), mathematical models …
# have demonstrated …'. The concession runs up to the marker without closing a bracket and a comma.
SEEMING = re.compile(
    r"\b((?:while|although|though|whereas) it (?:would|might|may|could) (?:seem|appear|be (?:expected|"
    r"assumed|thought)))(?:(?!\)\s*,\s+(?!and\b|or\b))(?:;(?=\s*[\x00\x01])|[^;.])){0,300}?(?=\x00)",
    re.IGNORECASE)
# A received view the main clause overturns (fresh7), the marker inside the concession with no comma before
# it: 'Although anurans are often considered poor candidates for trans-oceanic dispersal because of their
# perceived intolerance of salt water [10], molecular phylogenetic analyses … have provided strong
# evidence …': [10] only, not the main clause's works.
RECEIVED_VIEW = re.compile(
    r"^((?:although|though|even though|while) [^,;\x00\x01]{0,120}?\b(?:are|is|was|were|have been|has been) "
    r"(?:often|commonly|generally|widely|traditionally|usually|frequently) (?:considered|thought|believed|"
    r"assumed|regarded|viewed|seen))[^,;.\x00]{0,240}?(?=\x00)", re.IGNORECASE)
OTHER = "\x01"  # where the other markers of the clause were, for the cues bound to this marker
# Background pointers that name a proposal, a model, a question or a publication without relying on
# its result: 'it has been proposed that', 'Baas and colleagues proposed a model', 'have published
# books on this theme', 'is one of the most favored models', 'an area of intense interest'.
BACKGROUND = re.compile(
    r"\b(?:(?:was|were) (?:first |later |originally )?"
    r"(?:proposed|investigated|introduced|refined|formulated) by|"
    r"(?:proposed|suggested|developed|formulated|introduced) (?:a|an|the) (?:\w+[- ]){0,3}?(?:model|"
    r"framework|theory|hypothesis|mechanism|scheme|concept)|(?:one of the|the) (?:most )?(?:\w+ )?"
    r"(?:favou?red|popular|widely used|well[- ]known|well[- ]studied|best[- ]known|classic) (?:[\w-]+ ){0,2}"
    r"(?:models?|theor(?:y|ies)|examples?|frameworks?|systems?|mechanisms?|paradigms?)|"
    r"(?:published|written|edited) (?:\w+ )?(?:books?|"
    r"articles?|papers?|reviews?|volumes?)|(?:additional |further |more )?references? to|"
    r"(?:an area|a topic|a subject|the focus) of (?:\w+ )?(?:interest|debate|research|study)|"
    r"(?:remain|are still|is still|remains) (?:\w+ )?(?:unresolved|unclear|unknown|open|debated)|"
    r"(?:report|reports|reported|present|presents) such (?:evidence|data|findings|cases)|"
    r"(?:is|are) (?:usually |commonly |often |generally )?(?:referred to|defined) as|definition of|"
    r"(?:the )?(?:most )?(?:commonly|widely|frequently) used|"
    r"(?:have|has) been (?:\w+ly )?(?:studied|investigated|examined|explored)|(?:much|considerable|"
    r"extensive) (?:effort|attention)|investigated (?:how|whether))\b",
    re.IGNORECASE)
# A gap in the evidence the works are cited for, read in the marker's own clause only (not the whole
# sentence, a concession before the marker blanked): (support14, support13cue, fresh7): 'similar high-grade
# evidence is lacking for … [1,20,21]', 'there is only little experience in …', 'insufficient data are
# available on …', 'have yet to be clarified (50)', 'has not been fully understood', 'the number of
# studies … are limited [10, 23–25]', 'research … was needed [19]' ('the pharmacology … is very limited',
# 'found insufficient data': a finding, no cue)
GAP = re.compile(
    r"\b(?:"
    r"(?:evidence|data|information|experience|research|studies|literature|knowledge)\b[^.;,\x00\x01]{0,120}?"
    r"\b(?:is|are|was|were|remains?) (?:still )?(?:lacking|scarce|sparse|limited|(?:still )?needed)\b|"
    r"(?<!found )(?<!find )(?:only )?(?:little|insufficient|scarce) (?:experience|data|information)\b|"
    r"(?:have|has) yet to be (?:\w+ly )?(?:clarified|elucidated|determined|established|understood|explored)|"
    r"not (?:been )?fully (?:understood|determined|elucidated|clarified)"
    r")", re.IGNORECASE)
# A value taken from the work, the marker right after it: 'step size d = 5 nm (Howard, 2001)',
# 'κ = 1 pN nm−1 (Kaya and Higuchi, 2010)'.
VALUE = re.compile(r"(?:=|≈)\s*-?\d[\d.,]*(?:\s*[^\s()\[\];,\x00\x01]+){0,3}\s*[(\[]?(?=\x00)")
# A prior hypothesis in the marker's clause that the next clause of the same sentence answers with
# 'but' / 'however' / 'yet': 'Some researchers have hypothesized that … (Hamers et al. 2006), but
# binding models indicate only weak affinity'.
HYPOTHESIS = re.compile(
    r"\b(?:(?:has|have|had) (?:\w+ly )?(?:been )?(?:hypothesi[sz]ed|proposed|suggested|claimed|"
    r"postulated|speculated|assumed|thought|believed|argued)|(?:is|was|were|are) (?:\w+ly )?(?:thought|"
    r"believed|assumed|hypothesi[sz]ed|proposed|suggested|claimed)|(?:hypothesi[sz]ed|proposed|suggested|"
    r"claimed|postulated|speculated|argued) that|"
    # an unnamed few's present-tense suggestion (fresh7): 'Some studies suggest a basin-scale mixing among
    # reef fish populations across the Caribbean [84,85], but as we have seen, relative variation … persists'
    r"(?:some|several|other|few) (?:\w+ )?(?:studies|authors|reports|researchers|investigators) "
    r"(?:suggest|propose|claim|argue|speculate))\b", re.IGNORECASE)
ANSWERED = re.compile(r"^[\s\x00)\].,]*(?:,|;)?\s*(?:but|however|yet)\b(?!\s+(?:also|similarly|"
                      r"consistent|in (?:agreement|line)))", re.IGNORECASE)
# A finding of the work in the marker's clause that the next clause answers with the citing article's
# own negative result: 'Previous studies reported an increased risk [5,6]; however, we found no such
# increase'.
REPORTED = re.compile(r"\b(?:reported|found|showed|shown|observed|demonstrated|described|suggested|"
                      r"identified|"
                      r"proposed)\b", re.IGNORECASE)
DENIED = re.compile(
    r"^[\s\x00)\].,;]*(?:but|however|yet|whereas)\b,?\s*(?:in (?:our|the present|this) (?:study|data|"
    r"cohort|sample|population),?\s*)?(?:we|our \w+|here|this study|the present study)\s+(?:\w+\s+){0,2}?"
    r"(?:found|find|observed|observe|detected|detect|saw|see|did|do|does|could|can|were|was|showed|show|"
    r"failed)\b[^.;]{0,60}?\b(?:no|not|none|neither|nor|failed|unable|lack(?:ed|ing)?)\b", re.IGNORECASE)
# ... or answered by what the same thing was in the citing study (support13): 'Previous studies identified
# Anoxybacillus and Meiothermus as the two most common genera … (Goh et al., 2011b; Chai et al., 2012);
# however, these genera represented a small minority of the sequences amplified in the current study'
# (an answer of agreement, 'but also in the present study', is no cue).
DIFFERS_HERE = re.compile(
    r"^[\s\x00)\].,;]*(?:but|however|yet|whereas)\b,?(?![^.;]*\b(?:also|similar\w*|consistent|"
    r"agree\w*|confirm\w*|likewise|in (?:line|agreement|accordance|keeping)|as well)\b)"
    r"[^.;\x00\x01]{0,160}?\b(?:in|of|from|by) (?:the (?:current|present)|our|this) (?:study|work|data|"
    r"dataset|sample|samples|cohort|analysis|survey)\b",
    re.IGNORECASE)
# A claim of the work, the marker inside it, that the rest of the sentence rejects: 'the claim that XMRV
# is preferentially found in … [3] is not borne out by the second study [4]' (the work bearing it out
# or not, after the verb, is its evidence: not this cue).
CLAIM_REJECTED = re.compile(
    r"\b(?:claims?|hypothes[ie]s|suggestions?|notion|idea|proposals?|assumptions?|view) that\b"
    r"(?:(?!\b(?:is|was|are|were|has|have)\b(?: been)? not\b)[^;])*?\x00[\s\x00\x01\])\],]*"
    r"(?P<verdict>(?:is|was|are|were|has|have)(?: been)? not (?:\w+ )?(?:borne out|supported|confirmed|"
    r"replicated|reproduced|corroborated))\b", re.IGNORECASE)
# A hedged mechanism of the work answered by a counterfactual in the next clause: 'Weight loss may
# release toxic substances [36], but if this mechanism were important, we would expect …'.
HEDGED = re.compile(r"\b(?:may|might|could)\b", re.IGNORECASE)
COUNTERFACTUAL = re.compile(r"^[\s\x00)\].,]*(?:,|;)?\s*but if\b[^.;]{0,100}?\b(?:were|was)\b[^.;]{0,100}?"
                            r"\bwould\b", re.IGNORECASE)
# What the citing article reports not finding, that the work reported: 'our experimental conditions do
# not detect robust CTCF enrichment in some BX-C locations that have been reported by others'.
NOT_FOUND_HERE = re.compile(
    r"\b(?:we|our\b[^.;]{0,60}?)\s(?:do|did|could|can|does)(?: not|n't) (?:\w+ )?(?:detect|find|observe|"
    r"see|reproduce|confirm)\b[^.;]{0,160}?\b(?:reported|described|found|observed|seen)(?: previously)?"
    r" (?:by others|previously|earlier|elsewhere|in (?:other|previous|earlier) (?:studies|work|reports))",
    re.IGNORECASE)
# A fronted contrast phrase: 'In contrast to the findings of Hollister et al. [22], several recent studies
# have found … [25]'. Its contrast is with the works cited inside it, up to the comma that closes it; a
# marker of the main clause after that comma is read on the main clause alone.
FRONTED = re.compile(r"^[\s,]*(?:(?:however|but|yet|and),?\s+)?(?:in contrast (?:to|with)|unlike|contrary to|"
                     r"as opposed to|(?:in|not )consistent with|at odds with|in conflict with|"
                     r"in contradiction (?:to|with)|contradicting)\b",
                     re.IGNORECASE)
# What a fronted contrast that cites nothing must name for the works of its main clause to be the ones
# disputed: the citing study's own findings ('In contrast with our findings, in adult studies … [9]') or
# earlier work ('contrary to what has been claimed in previous studies, see, e.g., [23]'). Anything else
# (an uncited view, model, organism or conclusion: 'Contrary to the view that …, neurons use diverse ion
# channel combinations (66, 67)', 'Unlike the BVC model, the boundary cell representation … (Solstad et
# al., 2008)', 'Inconsistent with this conclusion, however, numerous earlier studies detected … (Graf et
# al., 2004)') is contrasted with the main clause, whose works are its evidence or its source.
OWN_OR_PRIOR = re.compile(
    r"\b(?:our|we|us|present|current|these (?:results|findings|data|observations)|previous(?:ly)?|earlier|"
    r"prior|others?|published|literature|claimed|reported|studies|reports|(?:findings|results|work) of)\b",
    re.IGNORECASE)
# A fronted contrast of study design, not of results: the main clause says what this study did
# differently ('In contrast to most previous studies [15], this study obtained the information …',
# 'Unlike earlier work [3], we included all ages'); the works inside the phrase are mentioning.
DESIGN_MAIN = re.compile(
    r"^[\s,]*(?:(?:this|the present|the current|our) (?:study|work|analysis|survey|trial|approach|model)|we|"
    r"here(?:,)? we)\s+(?:\w+ly\s+)?(?:(?:did|do|does) not\s+)?(?:obtained|used|included|collected|recruited|"
    r"sampled|measured|measure|use|include|collect|assess|examine|"
    r"assessed|considered|examined|focused|employed|applied|adopted|analy[sz]ed|followed|"
    r"(?:is|was) based|relied|took|defined|controlled|adjusted)\b", re.IGNORECASE)
# A negative result of a third-party study, the citation its evidence: 'subsequent studies … failed to
# confirm evidence for HTLV [22]', 'This work consistently failed to support the claims of NLP [7]'. The
# cited works report the failure (supporting), unless this marker names the work not reproduced ('failed
# to replicate the findings of Smith et al. [4]').
FAILED = re.compile(r"\b(?:failed|fail|fails|failure) to (?:replicate|reproduce|confirm|support|detect|find|"
                    r"observe)\b", re.IGNORECASE)
THIRD_PARTY = re.compile(
    r"\b(?:(?:subsequent|later|other|several|many|some|these|those|further|follow-up|independent|"
    r"recent|this|that) (?:\w+ ){0,3}?(?:studies|study|work|trials?|investigations?|reports?|analyses|"
    r"experiments|authors|groups|investigators)|they|others)\b", re.IGNORECASE)
NAMED_OBJECT = re.compile(r"\b(?:findings?|results?|claims?|reports?|observations?|work|study|data) of "
                          r"(?:[\w'-]+ ){1,3}(?:et al\.?|and (?:colleagues|co-workers|coworkers))\s*[(\[]?$",
                          re.IGNORECASE)
# A result seen by the cited work that another study did not see: 'Chun et al. [47] did not observe the
# changes … that were seen by Chang et al. [45]'; bound to the marker after 'by'.
NOT_SEEN_BY = re.compile(
    r"\b(?:did|do|does|could|can|was|were)(?: not|n't) (?:\w+ ){0,2}?(?:observe|detect|find|see|reproduce|"
    r"confirm|replicate|identif(?:y|ied)|show)\b[^.;\x00]{0,200}?\b(?:seen|reported|observed|found|described|"
    r"shown|detected) (?:previously |earlier )?(?P<by>by|in)\s+" + _UP_TO_MARKER, re.IGNORECASE)
_FULL_STOP_PLAIN = (r"\.(?<!\bal\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bvs\.)(?<!\bFig\.)"
                    r"(?<!\bFigs\.)(?<!\bRef\.)(?<!\bRefs\.)(?<!\bEq\.)")
# Disagreement bound to the works it names (added from fresh5's errors, theoretical linguistics, where an
# article argues with earlier analyses; each family binds only the markers it reaches, see `_reaches`):
# 'contra' / 'pace' before a list of works: 'these findings show – contra Haspelmath (2019), Landau &
# Jackendoff (1993), and Stolz et al. (2014) – that …' (a lower-case 'pace' after a comma, dash or bracket:
# 'Pace and Gibb (2014)' is an author).
CONTRA = re.compile(r"(?-i:\bcontra\b)(?!-)(?=\s+(?-i:[A-Z])|\s*[\x00\x01(\[])|"
                    r"(?:(?<=[,(\[–—])|(?<=[,(\[–—] ))(?-i:pace)\b(?=\s+(?-i:[A-Z])|"
                    r"\s*[\x00\x01(\[])", re.IGNORECASE)
# a departure from an analysis, a view or a generalization of the works that follow: 'departing radically from
# the only other formal analysis of DHRCs we know of, that of Erlewine & Gould (2016)', 'This departs from two
# typological generalizations about DPM: (1) that … (Creissels 2009)', 'I will distance myself from Laka's
# (1990) analysis'; 'deviated from the OHIP-E [30]' names no analysis and is no cue.
DEPART = re.compile(
    r"\b(?:(?:depart(?:s|ed|ing|ure)?|distanc(?:e|es|ed|ing) (?:myself|ourselves|itself|himself|herself|"
    r"themselves|oneself)|diverg(?:e|es|ed|ing|ence)|deviat(?:e|es|ed|ing|ion))(?: [\w-]+ly)? from|"
    r"break(?:s|ing)? with|broke with)\b", re.IGNORECASE)
_THEORY = (r"analys[ie]s|accounts?|views?|generali[sz]ations?|claims?|proposals?|approach(?:es)?|"
           r"assumptions?|"
           r"theor(?:y|ies)|hypothes[ie]s|interpretations?|predictions?|conclusions?|positions?|treatments?|"
           r"models?|defen[cs]es?")
THEORY_NEAR = re.compile(r"\b(?:" + _THEORY + r"|that of|those of)\b", re.IGNORECASE)
THEORY_AFTER = re.compile(r"^[\s)\]\x00\x01,;:]*(?:[\w-]+ )?(?:" + _THEORY + r")\b", re.IGNORECASE)
# a difference from what the works attributed to the same object: 'This CP thus differs non-trivially from the
# status attributed to it in Hoshi (1995), Shimoyama (1999; 2001) …, and from the status it had in
# Grosu (2010)'.
DIFFER_ATTRIBUTED = re.compile(
    r"\bdiffer(?:s|ed|ing)? (?:[\w-]+ly )?from (?:the|that|those) (?:[\w-]+ ){0,3}?(?:attributed|assigned|"
    r"proposed|posited|assumed|claimed|suggested|ascribed)(?: to (?:it|them|this|these))? (?:in|by)\b",
    re.IGNORECASE)
# the work named before a passive verdict on it: 'Kitagawa's (2019) defense of the discourse anaphoric
# approach was critiqued and rejected by Grosu & Hoshi (2019)' (the critic, after 'by', is not this cue's).
CRITIQUED = re.compile(
    r"\x00(?:(?!,\s*(?:but|however|yet|whereas|while)\b)[^.;\x00]){0,120}?\b(?:was|were|has been|have been|"
    r"had been|"
    r"is|are|being) (?:\w+ly )?(?:critici[sz]ed|"
    r"critiqued|rejected|refuted|disproved|contested|overturned|challenged|disputed|questioned|debunked)\b"
    # the critic is named (a name, a marker, 'later studies'): 'samples (12) were rejected in the quality
    # check' is no verdict on a work
    r"(?:(?:,| and| or) (?:\w+ly )?\w+ed)? (?:by|in)(?=\s+(?:(?-i:[A-Z])|[\x00\x01(\[]|(?:later|subsequent|"
    r"other|several|many|some|recent|more recent) ))", re.IGNORECASE)
# the marker's clause answered by a refutation of 'these works': 'Sensitivity … was denied in Hoshi (1995) and
# Kuroda (1999a), but the argumentation in these works was refuted in Grosu & Hoshi (2016)'.
REFUTED_LATER = re.compile(
    r"^[\s\x00\x01)\].,]*(?:,|;)?\s*(?:but|however|yet)\b,?\s*(?=[^.;\x00\x01]{0,80}?\b(?:these|this|those|"
    r"their|its|his|her)\b)[^.;\x00\x01]{0,80}?\b(?:was|were|has been|have been|"
    r"had been) (?:\w+ly )?(?:refuted|"
    r"rejected|disproved|challenged|disputed|critici[sz]ed|critiqued|questioned|contested|overturned|"
    r"shown to be "
    r"(?:wrong|incorrect|false|untenable))\b", re.IGNORECASE)
# the works cited as objections the article's claim was defended against: 'defended against challenges (e.g.,
# Kitagawa 2005)', 'in response to objections (see Smith 2001)'.
OBJECTION = re.compile(
    r"\b(?:against|despite|rebut\w*|answer(?:s|ed|ing)?|respon(?:d|ds|ded|ding|se) to|address(?:es|ed|ing)?|"
    r"repl(?:y|ies|ied|ying) to) (?:the |these |such |some |several |many |various )?(?:\w+ )?(?:challenges|"
    r"objections?|critici[sz]ms?|critiques|counter-?arguments?|counter-?examples?|counter-?evidence|"
    r"counter-?claims?|attacks)\s*[(\[](?:\s*(?:e\.g\.|see|cf\.|for example),?)?[^()\[\]\x00]{0,60}?\x00",
    re.IGNORECASE)
# the work's analysis, this marker inside it, found wanting later in the sentence: 'For analyses of DHRCs like
# that of Kitagawa (2019) that take …, the unacceptability of (53b) is hard to explain'; 'Erlewine & Gould
# (2016), who aimed at …, failing to note some of their distinguishing properties'; 'replacing the ad hoc ChR
# operator from Grosu & Landman (2012)'. Data a theory cannot explain ('… (Thompson et al., 2006) are more
# difficult to account for') are its evidence: the marker must be in the analysis itself.
ANALYSIS_OF = re.compile(
    r"\b(?:" + _THEORY + r")\b[^.;\x00]{0,60}?\b(?:of|by|in)\s+[^.;,\x00]{0,40}?\x00|"
    r"['’]s?\s*[(\[][^()\[\]]*?\x00[^()\[\]]*[)\]]\s*(?:[\w-]+ )?(?:" + _THEORY + r")\b", re.IGNORECASE)
FOUND_WANTING = re.compile(
    r"\b(?:(?:hard|difficult|impossible) to (?:explain|account for|capture|derive|reconcile)|(?:cannot|can't|"
    r"could not|fails? to|failed to|unable to) (?:\w+ly )?(?:explain|account for|capture|derive|handle|"
    r"predict)|"
    r"ad hoc|incorrect|erroneous|mistaken|untenable|unmotivated|stipulative|flawed)\b", re.IGNORECASE)
WHO_FAILED = re.compile(
    r"\x00[\x00)\]]*,\s*(?:who|which)\b[^.;]{0,200}?\b(?:fail(?:s|ed|ing)? to (?:note|notice|recogni[sz]e|"
    r"consider|distinguish|account for|explain|capture|take into account)|rel(?:y|ies|ied|ying) on (?:\w+ )?"
    r"(?:incorrect|wrong|erroneous|mistaken|false|faulty|flawed|untenable))\b", re.IGNORECASE)
BAD_CONSTRUCT = re.compile(
    r"\b(?:ad hoc|incorrect|erroneous|mistaken|untenable|unmotivated|stipulative|flawed|"
    r"faulty)\b(?: [\w'’-]+){0,4}"
    r" (?:from|of|in|by|(?:proposed|posited|assumed|adopted) (?:by|"
    r"in))\s+[^.;,\x00]{0,40}?\x00", re.IGNORECASE)
# Parts of the marker's clause whose phrase cues speak for another claim than the one the marker backs
# (support13): a fronted concession the main clause answers ('Although it remains unclear why …, plausible
# explanations include … [36]'), and the main clause before a reason the marker backs ('… were selected in
# this study since these two SNPs were found to modify … 30'). Their cues are read only when the marker
# is in them.
CONCESSION = re.compile(r"^[\s,]*(?:although|though|even though|while)\b[^,;\x00\x01()\[\]]{0,200}?,\s",
                        re.IGNORECASE)
REASON = re.compile(r"\s(?:because|since(?= (?:these|this|those|it|they|there|we)\b"
                    r"(?! (?:time|date|then)\b)))\s", re.IGNORECASE)
# A procedure done as before: 'Proteome quantification was performed as previously reported (21)' reports
# no agreement with a finding (support13).
PROCEDURE_BEFORE = re.compile(r"\b(?:is|was|were|are|been) (?:\w+ly )?" + _METHOD_VERB + r",?\s*$",
                              re.IGNORECASE)


def _scoped(clause: str, marker: int) -> str:
    """The clause with what speaks for another claim blanked (the same length: offsets hold)."""
    lead = CONCESSION.match(clause)
    if lead and marker >= lead.end():
        clause = " " * lead.end() + clause[lead.end():]
    reason = None
    for found in REASON.finditer(clause[:marker]):
        reason = found
    if reason:
        clause = " " * reason.start() + clause[reason.start():]
    return clause


_LEADING_CONCESSION = re.compile(r"^[\s,]*(?:although|though|even though|while)\b", re.IGNORECASE)
_CLOSING_COMMA = re.compile(r"[\x00)\]]\s*,\s")


def _gap_scope(clause: str, marker: int) -> str:
    """Where a gap cue (`GAP`) is read: the marker's own clause with a concession before the marker blanked
    (`_scoped`), or, the marker inside a leading concession ('Although it has been reported that … [34], the
    mechanism … is not fully understood'), the concession alone."""
    if _LEADING_CONCESSION.match(clause):
        close = _CLOSING_COMMA.search(clause, marker)
        if close:
            return clause[:close.start() + 1]
    return _scoped(clause, marker)


# What ends the run of a sentence a bound cue reaches: a clause end, or a word of agreement or use.
_RUN_STOP = re.compile(
    r";|" + _FULL_STOP_PLAIN + r"(?:\s|$)|\b(?:but|whereas|while|although|though|however|yet|consistent|"
    r"agree\w*|in line|in keeping|similar\w*|following|as in|with|like|see|cf\.|unlike)\b", re.IGNORECASE)


def _reaches(own: str, start: int, marker: int, limit: int, dashes: bool = False) -> bool:
    """Whether a cue ending at `start` reaches the marker at `marker` in `own`: the marker comes after it
    within `limit` characters, and nothing between them outside brackets ends the run (`_RUN_STOP`; with
    `dashes`, a dash too: 'contra X (2019) – that …')."""
    if marker < start or marker - start > limit:
        return False
    gap = own[start:marker]
    inside = _bracketed(gap)
    if any(not inside[found.start()] for found in _RUN_STOP.finditer(gap)):
        return False
    return not (dashes and any(c in "–—" and not inside[i] for i, c in enumerate(gap)))


_NAME_WORD = re.compile(r"(?-i:[A-Z])[\w'’.-]*|and|&|et|al\.?|de|da|van|von|der|den|del|di|du|le|la|[,;:\d]+")


def _names_only(gap: str) -> bool:
    """Whether `gap` (between 'contra' and the marker) is only a list of works: names, 'and', '&', 'et al.',
    commas and brackets (markers and years in them), no clause of its own ('pace Smith (2001), and clitics are
    second (Jones 2003)' reaches Smith only)."""
    inside = _bracketed(gap)
    outside = "".join(" " if inside[i] or c in (MASK, OTHER) else c for i, c in enumerate(gap))
    return all(_NAME_WORD.fullmatch(word) for word in outside.replace(",", " , ").split())


def bound_contrast(own: str, marker: int, own_end: int, may: PatternSet | None = None) -> str:
    """The cue of a disagreement bound to this marker (`own`: the masked sentence with this marker as MASK and
    the others as OTHER; `marker`: its start; `own_end`: where its clause ends), else ''. `may`: the bound cue
    patterns that can match `own` at all (`_BOUND_CUES.candidates(caseless(own))`; None: all of them); the
    others are not searched (they cannot match `own` nor any part of it)."""
    if may is None:
        may = _BOUND_CUES.candidates(caseless(own))
    for found in CONTRA.finditer(own[:marker]) if CONTRA in may else ():
        if _reaches(own, found.end(), marker, 200, dashes=True) and _names_only(own[found.end():marker]):
            return found.group(0).strip()
    for found in DEPART.finditer(own[:marker]) if DEPART in may else ():
        if _reaches(own, found.end(), marker, 400) and (
                THEORY_NEAR.search(own[found.end():min(marker, found.end() + 100)])
                or THEORY_AFTER.match(own[marker:].lstrip(MASK))):
            return " ".join(found.group(0).split())
    for found in DIFFER_ATTRIBUTED.finditer(own[:marker]) if DIFFER_ATTRIBUTED in may else ():
        if _reaches(own, found.end(), marker, 400):
            return " ".join(found.group(0).split())
    run_end = marker  # this marker's masked characters are own[marker:run_end]
    while run_end < len(own) and own[run_end] == MASK:
        run_end += 1
    for pattern in (CRITIQUED, OBJECTION, WHO_FAILED, BAD_CONSTRUCT):
        found = pattern.search(own) if pattern in may else None
        if found and found.start() < run_end and found.end() > marker:
            return " ".join(found.group(0).replace(MASK, "").replace(OTHER, "").split())[:80].strip(" ()[],")
    found = ANALYSIS_OF.search(own) if ANALYSIS_OF in may else None
    if found and MASK in found.group(0):
        wanting = FOUND_WANTING.search(own, found.end(), min(len(own), found.end() + 250))
        if wanting and ";" not in own[found.end():wanting.start()]:
            analysis = " ".join(found.group(0).replace(MASK, "").split())[:60].strip(" ()[],")
            return f"{analysis} … {wanting.group(0)}"
    found = REFUTED_LATER.match(own[own_end:]) if own_end < len(own) and REFUTED_LATER in may else None
    if found:
        return " ".join(found.group(0).replace(MASK, "").replace(OTHER, "").split()).lstrip(",; ")
    return ""


# The top-level section headings that hold methods: a citation there without a cue names a method,
# tool, reagent, strain or data source, and is mentioning.
METHODS_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:(?:materials?|patients|subjects|participants|data)(?:,? and |"
    r" & )(?:methods?|procedures)|methods?(?: and materials?)?|experimental (?:procedures|section|methods)|"
    r"methodology|online methods|star methods|methods summary)\s*$",
    re.IGNORECASE)
_HEADING_LINE = re.compile(r"(?m)^(#{1,6}) +(\S[^\n]*)$")


def section_headings(text: str) -> list[tuple[int, int, str]]:
    """(offset, level, title) of every Markdown heading line of a document text ('## Methods')."""
    return [(m.start(), len(m.group(1)), m.group(2).strip()) for m in _HEADING_LINE.finditer(text)]


def enclosing_headings(headings: Sequence[tuple[int, int, str]], offset: int, section: str = "") -> list[str]:
    """Titles of the headings enclosing `offset`, outermost first ('Results', 'Fly stocks'); without
    Markdown headings, `section` (the claim's own heading) alone, when there is one."""
    chain: list[tuple[int, str]] = []  # (level, title) of the headings enclosing offset
    for start, level, title in headings:
        if start > offset:
            break
        while chain and chain[-1][0] >= level:
            chain.pop()
        chain.append((level, title))
    if headings:
        return [title for _, title in chain]
    return [section] if section else []


def heading_chains(headings: Sequence[tuple[int, int, str]]) -> list[tuple[str, ...]]:
    """`enclosing_headings` for every offset at once: entry k is the chain of titles (outermost first)
    after the first k headings, so an offset's is entry `bisect_right(starts, offset)`. One walk over
    the headings per document instead of one per citation."""
    chains: list[tuple[str, ...]] = [()]
    chain: list[tuple[int, str]] = []
    for _start, level, title in headings:
        while chain and chain[-1][0] >= level:
            chain.pop()
        chain.append((level, title))
        chains.append(tuple(t for _, t in chain))
    return chains


def methods_heading(headings: Sequence[tuple[int, int, str]], offset: int, section: str = "",
                    titles: Sequence[str] | None = None) -> str:
    """The methods heading enclosing `offset` ('Materials and methods', also from inside its
    sub-sections '### Fly stocks'), else ''; without Markdown headings, `section` (the claim's
    own heading) is read. `titles`: `enclosing_headings(headings, offset, section)` when known."""
    titles = enclosing_headings(headings, offset, section) if titles is None else titles
    return next((title for title in titles if METHODS_HEADING.match(title.strip())), "")


@dataclass(frozen=True)
class CitingContext:
    """What the stance of one citation is read from: the citing sentence, the marker's (start, end) in
    it and every marker of the sentence, whether the citation backs a claim, the methods heading it is
    under ('' elsewhere), every heading enclosing it, outermost first, and whether the document it is in
    is a scholarly article (by its headings anywhere: `scholarly_document`)."""

    sentence: str
    marker: tuple[int, int]
    markers: tuple[tuple[int, int], ...] = ()
    backs_claim: bool = True
    methods: str = ""
    headings: tuple[str, ...] = ()
    scholarly: bool = False  # the citing document's headings are a scholarly article's (`scholarly_document`)


# The period of an abbreviation cuts no clause: 'Chang et al. [45]', 'e.g. ', 'Fig. 2'.
# A full stop that ends no abbreviation: the look-behinds run only where a full stop is (one per
# abbreviation before every character made clause cutting a tenth of the stance time).
_FULL_STOP = (r"\.(?<!\bal\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bvs\.)(?<!\bFig\.)(?<!\bFigs\.)"
              r"(?<!\bRef\.)(?<!\bRefs\.)(?<!\bEq\.)")
# Where a sentence is cut into clauses (cues themselves start a clause too).
_BOUNDARY = re.compile(
    r";|:\s|" + _FULL_STOP + r"\s|,\s+(?=(?:whereas|while|but|although|though|and|however|yet|"
    r"which|unlike|in contrast|"
    r"contrary|consistent|as\b|similar|in (?:agreement|line|accordance|keeping))\b)|"
    r"\s(?=(?:whereas|but|although|though|however|unlike|contrary to|in contrast|consistent with|"
    r"in (?:agreement|line|accordance|keeping) with)\b)",
    re.IGNORECASE)
MASK = "\x00"
# A superscript marker after a full stop ends that sentence, not the next ('… contribute to pain
# transmission.18 Studies of … are limited.19–22 Levels …', support14): the cut is after the markers.
_AFTER_STOP = re.compile(_FULL_STOP + r"(?:\x00|[,–-])*\x00(\s)(?=\s*\S)")
MAX_SENTENCE = 4000  # a longer 'sentence' (a table, a run-on list) is read only around the marker
# One scan of a clause says which cue patterns can match it (their required literals, ingest.cues);
# `own` differs from the clause only in mask characters, so no literal with one is trusted.
_SCANNED = (CONTRASTING, NOT_FOUND_HERE, HYPOTHESIS, AGREEING, MENTIONING, EXAMPLE, USED, BACKGROUND,
            SUPPORTING)  # the cue patterns one scan of the clause can rule out
_CUES = CueScanner(list(_SCANNED), unsure=MASK + OTHER)
# The cue patterns of many alternatives, each alternative searched alone where its literals are (their
# callers read only group 0 of the match).
_ALTERNATIVES = {id(pattern): alternatives for pattern in (*_SCANNED, VALUE)
                 if (alternatives := Alternatives(pattern)).parts}
# By id(): a re.Pattern hashes (and compares) its whole compiled code, ~10 µs for CONTRASTING.
_SCANNED_IDS = frozenset(id(pattern) for pattern in _SCANNED)
# The patterns searched in the whole sentence or in other cuts of it than the clause: one scan of the
# masked sentence rules them out (`own` and every cut are the masked sentence, or substrings of it,
# with some mask characters changed, and the scanner trusts no literal holding one).
_WHOLE = (CLAIM_REJECTED, NOT_SEEN_BY, HEDGED, REPORTED, SEEMING)
_WHOLE_CUES = CueScanner(list(_WHOLE), unsure=MASK + OTHER)
# Whether any of the bound disagreement cues can match the sentence at all.
_BOUND_CUES = CueScanner([CONTRA, DEPART, DIFFER_ATTRIBUTED, CRITIQUED, OBJECTION, WHO_FAILED, BAD_CONSTRUCT,
                           ANALYSIS_OF, REFUTED_LATER], unsure=MASK + OTHER)


def _masked(sentence: str, markers: Sequence[tuple[int, int]]) -> str:
    if len(markers) > 8:
        chars = list(sentence)
        for start, end in markers:
            for i in range(max(0, start), min(len(chars), end)):
                chars[i] = MASK
        return "".join(chars)
    for start, end in markers:  # few markers: slices (the same text)
        low, high = max(0, start), min(len(sentence), end)
        if low < high:
            sentence = sentence[:low] + MASK * (high - low) + sentence[high:]
    return sentence


_BRACKET = re.compile(r"[()\[\]]")


def _bracketed(text: str) -> list[bool]:
    """For each character, whether it is inside (…) or […] (a citation's '; ' cuts no clause); the
    brackets themselves count as inside. Only the bracket characters are visited."""
    inside = [False] * len(text)
    depth, opened = 0, 0  # opened: where the outermost open bracket is
    for found in _BRACKET.finditer(text):
        at = found.start()
        if text[at] in "([":
            if depth == 0:
                opened = at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                inside[opened:at + 1] = [True] * (at + 1 - opened)
    if depth:
        inside[opened:] = [True] * (len(text) - opened)
    return inside


_BRACKET = re.compile(r"[(\[)\]]")


def _outside_brackets(text: str, positions: list[int]) -> list[int]:
    """The `positions` (ascending, none of them a bracket) not inside (…) or […]: those where
    `_bracketed(text)` is False, found from the brackets alone."""
    if "(" not in text and "[" not in text:
        return positions  # closing brackets alone never open a depth
    kept, depth = [], 0
    brackets = _BRACKET.finditer(text)
    bracket = next(brackets, None)
    for position in positions:
        while bracket is not None and bracket.start() < position:
            if bracket.group() in "([":
                depth += 1
            elif depth:
                depth -= 1
            bracket = next(brackets, None)
        if not depth:
            kept.append(position)
    return kept


def _cuts(masked: str) -> list[int]:
    """Where the masked sentence is cut into clauses (its start and end included)."""
    return list(_kept_cuts(masked))


@lru_cache(maxsize=16)
def _kept_cuts(masked: str) -> tuple[int, ...]:
    """_cuts, kept for the sentences just seen: every marker of a sentence, and the stance model
    after the rules, cut the same masked sentence."""
    boundaries = [m.start() for m in _BOUNDARY.finditer(masked)]
    boundaries += [m.start(1) for m in _AFTER_STOP.finditer(masked)] if MASK in masked else []
    boundaries.sort()
    return tuple(sorted({0, *_outside_brackets(masked, boundaries), len(masked)}))


def _clause(cuts: Sequence[int], marker: tuple[int, int], markers: Sequence[tuple[int, int]],
            whole: bool) -> tuple[int, int]:
    index = max(i for i, cut in enumerate(cuts[:-1]) if cut <= marker[0])
    start, end = cuts[index], cuts[index + 1]
    others = [m for m in markers if m != marker]
    if whole and all(start <= m[0] < end for m in others):
        return 0, cuts[-1]
    return start, end


def clause_of(sentence: str, marker: tuple[int, int], markers: Sequence[tuple[int, int]],
              whole: bool = True) -> tuple[int, int]:
    """(start, end) of the clause of `sentence` that holds `marker`; the whole sentence when every
    marker of it is in that one clause (unless not `whole`)."""
    return _clause(_cuts(_masked(sentence, markers)), marker, markers, whole)


def classify_stance(sentence: str, marker: tuple[int, int], markers: Sequence[tuple[int, int]] = (),
                    backs_claim: bool = True, methods: str = "") -> tuple[str, str]:
    """(stance, cue) of the citation at `marker` (offsets in `sentence`); `markers` are every citation
    marker of the sentence (this one included); `backs_claim` says whether the citation is offered as
    evidence for a claim of the citing text (the default stance); `methods` is the heading of the
    methods section the sentence is in ('' elsewhere): there a citation without a cue is mentioning."""
    if len(sentence) > MAX_SENTENCE:
        low = max(0, marker[0] - MAX_SENTENCE // 2)
        sentence = sentence[low:low + MAX_SENTENCE]
        marker = (marker[0] - low, marker[1] - low)
        markers = [(a - low, b - low) for a, b in markers if low <= a < low + MAX_SENTENCE]
    markers = list(markers) or [marker]
    if marker not in markers:
        markers.append(marker)
    masked = _masked(sentence, markers)
    cuts = _cuts(masked)
    start, end = _clause(cuts, marker, markers, True)
    clause = masked[start:end]
    may = _CUES.candidates(caseless(clause))  # the cue patterns that can match this clause at all

    def written(found: re.Match[str]) -> str:  # the cue as written (the clause has its markers masked)
        at = own_start if found.re is GAP else start
        return " ".join(sentence[at + found.start():at + found.end()].split())

    def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """pattern.search(text), skipped when the scanner says it cannot match (patterns the
        scanner does not hold are always searched); a pattern of many alternatives searches only
        those whose literals the text holds (_ALTERNATIVES: the same match)."""
        if id(pattern) in _SCANNED_IDS and pattern not in may:
            return None
        alternatives = _ALTERNATIVES.get(id(pattern))
        return alternatives.search(text, caseless(text)) if alternatives else pattern.search(text)

    fronted = FRONTED.match(clause)
    if fronted:
        inside = _bracketed(clause)
        close = next((i for i in range(fronted.end(), len(clause) - 1)
                      if clause[i] == "," and not inside[i] and clause[i + 1].isspace()), None)
        held = close is not None and any(start + fronted.end() <= m[0] < start + close for m in markers)
        if held and close is not None and marker[0] >= start + close:  # the main clause's own marker
            start = start + close + 1
            clause = masked[start:end]
        elif (close is not None and marker[0] >= start + close
              and not OWN_OR_PRIOR.search(clause[fronted.end():close])):  # contrasted with the uncited
            start = start + close + 1
            clause = masked[start:end]
        elif close is not None and DESIGN_MAIN.match(clause[close + 1:]):
            design = DESIGN_MAIN.match(clause[close + 1:])
            assert design is not None
            return Stance.MENTIONING, f"{written(fronted)} …, {' '.join(design.group(0).split())}"
    own = _masked(masked.replace(MASK, OTHER), [marker])  # this marker masked, the others as OTHER
    found = search(CONTRASTING, clause) or search(NOT_FOUND_HERE, clause)
    party = THIRD_PARTY.search(clause[:found.start()]) if found and FAILED.fullmatch(found.group(0)) else None
    if found and party and not NAMED_OBJECT.search(own[start:marker[0] + 1].replace(MASK, "")):
        return Stance.SUPPORTING, f"{' '.join(party.group(0).split())} … {written(found)}"
    if found:
        return Stance.CONTRASTING, written(found)
    folded_masked = caseless(masked)  # the same for every marker of the sentence: its scans are kept
    may_whole = _WHOLE_CUES.candidates(folded_masked)  # of these, the ones that can match at all
    found = CLAIM_REJECTED.search(own) if CLAIM_REJECTED in may_whole else None
    if found:
        head = " ".join(found.group(0).split()[:2])
        return Stance.CONTRASTING, f"{head} … {' '.join(found.group('verdict').split())}"
    found = NOT_SEEN_BY.search(own[start:end]) if NOT_SEEN_BY in may_whole else None
    if found:
        return Stance.CONTRASTING, " ".join(sentence[start + found.start():start + found.end("by")].split())
    own_start, own_end = _clause(cuts, marker, markers, False)  # the marker's own clause
    found = AS_PROPOSED.match(masked[own_start:own_end]) if "as" in clause.lower() else None
    if found and DENIAL_BEFORE.search(masked[:own_start]):
        return Stance.CONTRASTING, f"not … {' '.join(found.group(0).split()).lstrip(', ')}"
    found = BUT_SEE.search(own) if "see" in own else None
    if found:
        return Stance.CONTRASTING, "but see"
    found = DEPARTS_FROM.search(own) if " than " in own or " not th" in own else None
    if found:
        return Stance.CONTRASTING, " ".join(sentence[found.start():found.end() - 1].split())
    # `own` is `masked` with some mask characters changed, and the scanner trusts no literal holding one,
    # so the scan of the masked sentence is the scan of `own`
    may_bound = _BOUND_CUES.candidates(folded_masked)
    bound = bound_contrast(own, marker[0], own_end, may_bound) if may_bound else ""
    if bound:
        return Stance.CONTRASTING, bound
    found = search(HYPOTHESIS, clause)
    answer = ANSWERED.match(masked[own_end:]) if found and own_end < len(sentence) else None
    if found and answer:
        return Stance.CONTRASTING, f"{written(found)} …, {answer.group(0).split()[-1]}"
    found = HEDGED.search(masked[start:own_end]) if HEDGED in may_whole else None
    answer = COUNTERFACTUAL.match(masked[own_end:]) if found and own_end < len(sentence) else None
    if found and answer:
        return Stance.CONTRASTING, f"{written(found)} …, but if … would"
    found = REPORTED.search(masked[start:own_end]) if REPORTED in may_whole else None
    denial = (DENIED.match(masked[own_end:]) or DIFFERS_HERE.match(masked[own_end:])
              if found and own_end < len(sentence) else None)
    if found and denial:
        answer_words = " ".join(denial.group(0).split()[:3]).lstrip(";, ")
        return Stance.CONTRASTING, f"{written(found)} …, {answer_words} …"
    # the cues bound to this marker see only it as a marker, the other markers as OTHER
    found = (SEEMING.search(own) if SEEMING in may_whole else None) or RECEIVED_VIEW.search(own)
    own = own[start:end]
    if found:
        return Stance.CONTRASTING, " ".join(sentence[found.start(1):found.end(1)].split()) + " …"
    scoped = _scoped(clause, marker[0] - start)
    for stance, pattern in ((Stance.SUPPORTING, AGREEING), (Stance.MENTIONING, MENTIONING),
                            (Stance.MENTIONING, EXAMPLE), (Stance.MENTIONING, USED),
                            (Stance.MENTIONING, VALUE), (Stance.MENTIONING, BACKGROUND),
                            (Stance.MENTIONING, GAP), (Stance.SUPPORTING, SUPPORTING)):
        text = own if pattern in (EXAMPLE, USED, VALUE) else scoped
        if pattern is GAP:
            text = _gap_scope(masked[own_start:own_end], marker[0] - own_start)
        found = search(pattern, text)
        if found and pattern is AGREEING and PROCEDURE_BEFORE.search(scoped[:found.start()]):
            done = search(MENTIONING, scoped)
            if done:
                return Stance.MENTIONING, written(done)
        if found:
            return stance, written(found)
    if methods:
        return Stance.MENTIONING, f"section: {methods}"
    return (Stance.SUPPORTING if backs_claim else Stance.MENTIONING), ""
