from lib import ent, R, E

NAME = "x04_wire_eln_kidnapping_ceasefire"
META = {
    "title": "Colombia's ELN rebels free footballer's father as ceasefire is tested",
    "source": "Written for claimgraph's eval/heldout4 by a writer session on 8 December 2026, in the style of a wire news report. The ELN's kidnapping and release of Luis Manuel Díaz (October–November 2023), the August 2023 ceasefire, the role of the Catholic Church, the UN and the guarantor countries, and the negotiators are from the public record, simplified; the Arauca clash and the quotations are illustrative. Not a factual source.",
    "url": None,
    "published": "2023-11-09",
    "genre": "news",
}
TEXT = """BOGOTA, Nov 9 – Colombia’s National Liberation Army (ELN) on Thursday released Luis Manuel Díaz, the father of Liverpool forward Luis Díaz, nearly two weeks after gunmen seized him at a petrol station in the northern town of Barrancas, ending a kidnapping that had threatened to derail peace talks with the government.

Díaz was handed over in a mountainous area of La Guajira province to a humanitarian commission made up of representatives of the Catholic Church and the United Nations, the commission said in a statement. He appeared tired but in good health, a Church official told reporters.

The ELN, Colombia’s largest remaining rebel group, had admitted holding Díaz after several days of silence, saying the abduction was a “mistake” by one of its local units. His mother, Cilenis Marulanda, who was seized with him, was freed by police within hours.

The government of President Gustavo Petro called the kidnapping a grave violation of the spirit of the talks and demanded that the ELN stop taking hostages. “Kidnapping is incompatible with peace,” said Otty Patiño, who heads the government’s negotiating team. The ELN’s chief negotiator, Pablo Beltrán, said the group would discuss ending kidnappings for ransom at the next round of talks but did not commit to a date.

A six-month bilateral ceasefire between the army and the ELN took effect on Aug. 3 and is monitored by the UN and the Catholic Church. Cuba and Norway, which act as guarantors of the negotiations, have urged both sides to respect it.

The truce has been strained. On Wednesday, two soldiers were killed and three wounded when ELN fighters attacked an army patrol in rural Arauca, near the Venezuelan border, the army said in a statement. The ELN denied that its fighters had attacked the patrol and said they had fired in self-defence after troops entered an area it controls.

In the western province of Chocó, the ELN has kept thousands of people confined to their villages for weeks, according to the national ombudsman’s office, which said residents had been barred from travelling by river to fish or buy food. The rebels deny imposing the restrictions.

The ELN, founded in 1964 by students and Catholic priests inspired by the Cuban revolution, has about 5,800 members and finances itself through extortion, kidnapping and drug trafficking, according to military intelligence. Petro, a former guerrilla himself, has made a negotiated end to the conflict with the country’s armed groups a central goal of his government.
"""

ENTITIES = [
    ent("eln", "National Liberation Army", "organization", ["ELN", "National Liberation Army (ELN)", "Ejército de Liberación Nacional", "the ELN", "Colombia’s National Liberation Army"]),
    ent("colombia", "Colombia", "country", ["Colombian", "Colombian government", "the government"]),
    ent("luis_manuel_diaz", "Luis Manuel Díaz", "person", ["Luis Manuel Diaz", "Díaz", "Diaz", "Mane Díaz"]),
    ent("luis_diaz", "Luis Díaz", "person", ["Luis Diaz", "Liverpool forward Luis Díaz"], opt=True),
    ent("liverpool", "Liverpool", "organization", ["Liverpool FC", "Liverpool Football Club"], opt=True),
    ent("marulanda", "Cilenis Marulanda", "person", ["Marulanda"]),
    ent("police", "police", "group", ["Colombian police", "National Police"], generic=True, opt=True),
    ent("commission", "humanitarian commission", "organization", ["a humanitarian commission", "the commission", "humanitarian commission made up of representatives of the Catholic Church and the United Nations"]),
    ent("catholic_church", "Catholic Church", "organization", ["the Catholic Church", "Church", "the Church"]),
    ent("un", "United Nations", "organization", ["UN", "U.N.", "the United Nations", "the UN"]),
    ent("church_official", "a Church official", "person", ["Church official"], opt=True),
    ent("petro", "Gustavo Petro", "person", ["Petro", "President Gustavo Petro"]),
    ent("patino", "Otty Patiño", "person", ["Otty Patino", "Patiño", "Patino"]),
    ent("govt_team", "government negotiating team", "organization", ["the government’s negotiating team", "negotiating team"], opt=True),
    ent("beltran", "Pablo Beltrán", "person", ["Pablo Beltran", "Beltrán", "Beltran"]),
    ent("army", "Colombian army", "organization", ["the army", "army", "National Army of Colombia", "Colombian Army", "troops"]),
    ent("soldiers", "two soldiers", "group", ["soldiers", "an army patrol"], generic=True, opt=True),
    ent("cuba", "Cuba", "country", ["Cuban"]),
    ent("norway", "Norway", "country", ["Norwegian"]),
    ent("venezuela", "Venezuela", "country", ["Venezuelan"], opt=True),
    ent("ombudsman", "ombudsman’s office", "organization", ["national ombudsman’s office", "the national ombudsman’s office", "Ombudsman's Office", "Defensoría del Pueblo"]),
    ent("choco_residents", "people in Chocó", "group", ["thousands of people", "residents"], generic=True),
    ent("military_intelligence", "military intelligence", "organization", ["Colombian military intelligence"], opt=True),
    ent("students_priests", "students and Catholic priests", "group", ["students", "Catholic priests"], generic=True, opt=True),
    ent("bogota", "Bogota", "location", ["BOGOTA", "Bogotá"], opt=True),
    ent("barrancas", "Barrancas", "location", []),
    ent("la_guajira", "La Guajira", "location", ["La Guajira province", "Guajira"]),
    ent("arauca", "Arauca", "location", ["rural Arauca"]),
    ent("choco", "Chocó", "location", ["Choco", "province of Chocó"]),
]

CLAIMS = [
    R("r1", "eln", "operates_in", "colombia", "Colombia’s National Liberation Army (ELN) / The ELN, Colombia’s largest remaining rebel group"),
    R("r2", "eln", "opposes", "colombia", "peace talks with the government / negotiated end to the conflict with the country’s armed groups"),
    R("r3", "petro", "leads", "colombia", "The government of President Gustavo Petro"),
    R("r4", "patino", "leads", "govt_team", "Otty Patiño, who heads the government’s negotiating team", alt=["member_of"], opt=True),
    R("r5", "patino", "member_of", "colombia", "Otty Patiño, who heads the government’s negotiating team"),
    R("r6", "beltran", "member_of", "eln", "The ELN’s chief negotiator, Pablo Beltrán"),
    R("r7", "eln", "opposes", "army", "A six-month bilateral ceasefire between the army and the ELN / ELN fighters attacked an army patrol in rural Arauca"),
    R("r8", "commission", "part_of", "catholic_church", "a humanitarian commission made up of representatives of the Catholic Church and the United Nations", opt=True),
    R("r9", "eln", "operates_in", "arauca", "ELN fighters attacked an army patrol in rural Arauca / an area it controls"),
    R("r10", "eln", "operates_in", "choco", "In the western province of Chocó, the ELN has kept thousands of people confined", mod="reported", att="ombudsman"),
    R("r11", "army", "part_of", "colombia", "A six-month bilateral ceasefire between the army and the ELN", opt=True),
    R("r12", "students_priests", "created", "eln", "founded in 1964 by students and Catholic priests", opt=True),
    R("r13", "eln", "operates_in", "la_guajira", "Díaz was handed over in a mountainous area of La Guajira province", opt=True),
    E("e1", "eln", "CONCEDE", "luis_manuel_diaz", "Colombia’s National Liberation Army (ELN) on Thursday released Luis Manuel Díaz", date="2023-11-09"),
    E("e2", "eln", "ASSAULT", "luis_manuel_diaz", "gunmen seized him at a petrol station in the northern town of Barrancas / had admitted holding Díaz", mode="abduction", loc="barrancas"),
    E("e3", "eln", "ASSAULT", "marulanda", "His mother, Cilenis Marulanda, who was seized with him", mode="abduction", loc="barrancas"),
    E("e4", "colombia", "ACCUSE", "eln", "The government of President Gustavo Petro called the kidnapping a grave violation of the spirit of the talks"),
    E("e5", "colombia", "REQUEST", "eln", "demanded that the ELN stop taking hostages"),
    E("e6", "patino", "ACCUSE", "eln", "“Kidnapping is incompatible with peace,” said Otty Patiño", alt=["REQUEST"]),
    E("e7", "army", "AGREE", "eln", "A six-month bilateral ceasefire between the army and the ELN took effect on Aug. 3", date="2023-08-03"),
    E("e8", "cuba", "REQUEST", "eln", "Cuba and Norway, which act as guarantors of the negotiations, have urged both sides to respect it"),
    E("e9", "norway", "REQUEST", "eln", "Cuba and Norway, which act as guarantors of the negotiations, have urged both sides to respect it"),
    E("e10", "cuba", "REQUEST", "colombia", "Cuba and Norway, which act as guarantors of the negotiations, have urged both sides to respect it", alt=["CONSULT"], opt=True),
    E("e11", "norway", "REQUEST", "colombia", "Cuba and Norway, which act as guarantors of the negotiations, have urged both sides to respect it", alt=["CONSULT"], opt=True),
    E("e12", "eln", "ASSAULT", "army", "two soldiers were killed and three wounded when ELN fighters attacked an army patrol in rural Arauca", mod="reported", att="army", mode="firearms", loc="arauca"),
    E("e13", "eln", "ASSAULT", "army", "The ELN denied that its fighters had attacked the patrol", mod="negated", att="eln", mode="firearms", loc="arauca"),
    E("e14", "eln", "REJECT", None, "The ELN denied that its fighters had attacked the patrol"),
    E("e15", "eln", "COERCE", "choco_residents", "the ELN has kept thousands of people confined to their villages for weeks, according to the national ombudsman’s office", mod="reported", att="ombudsman", status="ongoing", loc="choco"),
    E("e16", "eln", "COERCE", "choco_residents", "The rebels deny imposing the restrictions", mod="negated", att="eln", status="ongoing", loc="choco"),
    E("e17", "eln", "REJECT", None, "The rebels deny imposing the restrictions", opt=True),
    E("e18", "commission", "AID", "luis_manuel_diaz", "Díaz was handed over in a mountainous area of La Guajira province to a humanitarian commission", alt=["CONSULT", "COOPERATE"], opt=True),
    # optional
    R("o1", "commission", "part_of", "un", "a humanitarian commission made up of representatives of the Catholic Church and the United Nations", opt=True),
    R("o2", "catholic_church", "operates_in", "colombia", "monitored by the UN and the Catholic Church", opt=True),
    R("o3", "un", "operates_in", "colombia", "monitored by the UN and the Catholic Church", opt=True),
    R("o4", "patino", "member_of", "govt_team", "who heads the government’s negotiating team", opt=True),
    R("o5", "beltran", "leads", "eln", "The ELN’s chief negotiator, Pablo Beltrán", opt=True),
    R("o6", "petro", "member_of", "colombia", "President Gustavo Petro", opt=True),
    R("o7", "luis_diaz", "member_of", "liverpool", "Liverpool forward Luis Díaz", opt=True),
    R("o8", "luis_diaz", "allied_with", "luis_manuel_diaz", "the father of Liverpool forward Luis Díaz", opt=True),
    R("o9", "marulanda", "allied_with", "luis_manuel_diaz", "His mother, Cilenis Marulanda", opt=True),
    R("o10", "cuba", "supports", "colombia", "Cuba and Norway, which act as guarantors of the negotiations", opt=True),
    R("o11", "norway", "supports", "colombia", "Cuba and Norway, which act as guarantors of the negotiations", opt=True),
    R("o12", "cuba", "supports", "eln", "Cuba and Norway, which act as guarantors of the negotiations", opt=True),
    R("o13", "norway", "supports", "eln", "Cuba and Norway, which act as guarantors of the negotiations", opt=True),
    R("o14", "eln", "operates_in", "barrancas", "gunmen seized him at a petrol station in the northern town of Barrancas", opt=True),
    R("o15", "cuba", "supports", "eln", "inspired by the Cuban revolution", opt=True),
    R("o16", "army", "operates_in", "arauca", "attacked an army patrol in rural Arauca", opt=True),
    R("o17", "army", "operates_in", "arauca", "after troops entered an area it controls", mod="reported", att="eln", opt=True),
    R("o18", "eln", "operates_in", "venezuela", "near the Venezuelan border", opt=True),
    R("o19", "petro", "opposes", "eln", "Petro, a former guerrilla himself", opt=True),
    R("o20", "colombia", "opposes", "eln", "peace talks with the government", opt=True),
    R("o21", "eln", "controls", "arauca", "an area it controls", mod="reported", att="eln", opt=True),
    R("o22", "eln", "controls", "choco_residents", "the ELN has kept thousands of people confined", mod="reported", att="ombudsman", opt=True),
    E("o23", "eln", "CONCEDE", "colombia", "released Luis Manuel Díaz", opt=True),
    E("o24", "commission", "CONSULT", None, "the commission said in a statement", opt=True),
    E("o25", "police", "CONCEDE", "marulanda", "was freed by police within hours", opt=True, alt=["AID"]),
    E("o26", "colombia", "CONCEDE", "marulanda", "was freed by police within hours", opt=True, alt=["AID"]),
    E("o27", "eln", "CONCEDE", None, "saying the abduction was a “mistake” by one of its local units", opt=True),
    E("o28", "eln", "CONSULT", "colombia", "would discuss ending kidnappings for ransom at the next round of talks", opt=True),
    E("o29", "beltran", "CONSULT", "colombia", "would discuss ending kidnappings for ransom at the next round of talks", opt=True),
    E("o30", "beltran", "REJECT", None, "did not commit to a date", opt=True),
    E("o31", "colombia", "AGREE", "eln", "A six-month bilateral ceasefire between the army and the ELN took effect on Aug. 3", opt=True),
    E("o32", "eln", "AGREE", "army", "A six-month bilateral ceasefire between the army and the ELN took effect on Aug. 3", opt=True),
    E("o33", "un", "CONSULT", None, "is monitored by the UN and the Catholic Church", opt=True, alt=["COOPERATE"]),
    E("o34", "catholic_church", "CONSULT", None, "is monitored by the UN and the Catholic Church", opt=True, alt=["COOPERATE"]),
    E("o35", "cuba", "REQUEST", "army", "have urged both sides to respect it", opt=True),
    E("o36", "norway", "REQUEST", "army", "have urged both sides to respect it", opt=True),
    E("o37", "eln", "ASSAULT", "soldiers", "two soldiers were killed and three wounded when ELN fighters attacked an army patrol", mod="reported", att="army", opt=True),
    E("o38", "army", "ASSAULT", "eln", "they had fired in self-defence after troops entered an area it controls", mod="reported", att="eln", opt=True),
    E("o39", "eln", "ASSAULT", "army", "they had fired in self-defence", mod="reported", att="eln", opt=True),
    E("o40", "army", "MOBILIZE", None, "after troops entered an area it controls", mod="reported", att="eln", opt=True),
    E("o41", "eln", "REJECT", "ombudsman", "The rebels deny imposing the restrictions", opt=True),
    E("o42", "ombudsman", "ACCUSE", "eln", "according to the national ombudsman’s office, which said residents had been barred from travelling", opt=True),
    E("o43", "army", "ACCUSE", "eln", "the army said in a statement", opt=True),
    E("o44", "eln", "ASSAULT", None, "finances itself through extortion, kidnapping and drug trafficking", mod="reported", att="military_intelligence", opt=True, status="ongoing"),
    E("o45", "eln", "ASSAULT", None, "a kidnapping that had threatened to derail peace talks", opt=True),
    E("o46", "eln", "COERCE", None, "residents had been barred from travelling by river to fish or buy food", mod="reported", att="ombudsman", opt=True),
    E("o47", "colombia", "CONSULT", "eln", "peace talks with the government", opt=True),
    E("o48", "petro", "REQUEST", "eln", "has made a negotiated end to the conflict with the country’s armed groups a central goal", opt=True),
    E("o49", "eln", "REJECT", "colombia", "The ELN denied that its fighters had attacked the patrol", opt=True),
    E("o50", "church_official", "CONSULT", None, "a Church official told reporters", opt=True),
    E("o51", "eln", "ASSAULT", "luis_manuel_diaz", "ending a kidnapping", opt=True),
]

NOTE = ("Gold claim graph for a wire report written for heldout4 (the ELN's 2023 kidnapping and release of Luis Manuel Díaz, a clash in Arauca, confinement in Chocó), coded with shared/ontology.md as the dev gold is. "
        "The wire's own voice is asserted: the release (CONCEDE), the kidnapping of Díaz and of his mother (ASSAULT, mode abduction; 'gunmen' are the ELN, which admitted holding him), the government's condemnation (ACCUSE) and demand (REQUEST), the ceasefire (AGREE between the army and the ELN; the government as subject optional) and the guarantors' appeal (REQUEST by Cuba and by Norway to each side). "
        "'the government' is an alias of Colombia. The Arauca attack rests on the army's statement (reported, attributed to the army); the ELN's denial gives its REJECT and the same attack as negated, attributed to the ELN. "
        "The Chocó confinement rests on the ombudsman (reported); the rebels' denial gives the negated COERCE (their REJECT is optional, since the ELN's REJECT of the Arauca account, object null, is already required and a second identical claim would be merged). A REJECT's object is null unless the rejecting clause names the accuser. Patiño heads the negotiating team (leads; member_of also counts) and belongs to the government; Beltrán is the ELN's negotiator (member_of). "
        "Díaz's son, Liverpool, the police who freed his mother, military intelligence and the ELN's founders are optional; so are the commission's composition and the soldiers as a group.")
