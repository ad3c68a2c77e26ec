-- Mapping tables analysts extend: SIS words on the left, Clever's values on the right.
-- Matching is case-insensitive (keys are stored lower-case) and ignores surrounding spaces.
-- WITHOUT ROWID: a lookup by key, once per student, reads one b-tree instead of two.

-- Race: Clever letters map to themselves; federal category names to their letter.
drop table if exists race_map;
create table race_map (sis_race text primary key, clever_race text not null) without rowid;
insert into race_map values
    ('a', 'A'), ('b', 'B'), ('i', 'I'), ('m', 'M'), ('p', 'P'), ('w', 'W'),
    ('white', 'W'),
    ('black or african american', 'B'), ('black', 'B'),
    ('asian', 'A'),
    ('american indian or alaska native', 'I'),
    ('native hawaiian or other pacific islander', 'P'),
    ('two or more races', 'M'), ('multiracial', 'M');

-- Subject: a Clever subject maps to itself; anything not listed becomes 'other'.
drop table if exists subject_map;
create table subject_map (sis_subject text primary key, clever_subject text not null) without rowid;
insert into subject_map values
    ('english/language arts', 'English/language arts'), ('math', 'Math'), ('science', 'Science'),
    ('social studies', 'Social studies'), ('language', 'Language'),
    ('homeroom/advisory', 'Homeroom/advisory'),
    ('interventions/online learning', 'Interventions/online learning'),
    ('technology and engineering', 'Technology and engineering'),
    ('pe and health', 'PE and health'), ('arts and music', 'Arts and music'), ('other', 'other'),
    ('mathematics', 'Math'), ('algebra', 'Math'), ('geometry', 'Math'), ('calculus', 'Math'),
    ('english', 'English/language arts'), ('ela', 'English/language arts'),
    ('language arts', 'English/language arts'), ('reading', 'English/language arts'),
    ('writing', 'English/language arts'), ('literature', 'English/language arts'),
    ('biology', 'Science'), ('chemistry', 'Science'), ('physics', 'Science'),
    ('history', 'Social studies'), ('civics', 'Social studies'), ('geography', 'Social studies'),
    ('economics', 'Social studies'),
    ('world language', 'Language'), ('spanish', 'Language'), ('french', 'Language'),
    ('german', 'Language'), ('italian', 'Language'), ('latin', 'Language'), ('chinese', 'Language'),
    ('art', 'Arts and music'), ('music', 'Arts and music'), ('band', 'Arts and music'),
    ('chorus', 'Arts and music'), ('theater', 'Arts and music'), ('drama', 'Arts and music'),
    ('physical education', 'PE and health'), ('pe', 'PE and health'), ('health', 'PE and health'),
    ('technology', 'Technology and engineering'),
    ('computer science', 'Technology and engineering'),
    ('engineering', 'Technology and engineering'),
    ('homeroom', 'Homeroom/advisory'), ('advisory', 'Homeroom/advisory'),
    ('intervention', 'Interventions/online learning'),
    ('online learning', 'Interventions/online learning');

-- Grades: every state code Clever has a grade for (students' Grade, schools' Low_grade and
-- High_grade, sections' Grade). A code that is not here is written as the SIS wrote it
-- (upper-cased) and warned. grade_group drives the PreK and kindergarten options.
drop table if exists grade_map;
create table grade_map (sis_grade text primary key, clever_grade text not null, grade_group text) without rowid;
insert into grade_map values
    ('3f', 'PreKindergarten', 'prek'), ('3h', 'PreKindergarten', 'prek'),
    ('4f', 'PreKindergarten', 'prek'), ('4h', 'PreKindergarten', 'prek'),
    ('kf', 'Kindergarten', 'kindergarten'), ('kh', 'Kindergarten', 'kindergarten'),
    ('dh', 'Kindergarten', 'kindergarten'),
    ('pg', 'PostGraduate', null), ('ug', 'Ungraded', null),
    ('1', '1', null), ('2', '2', null), ('3', '3', null), ('4', '4', null), ('5', '5', null),
    ('6', '6', null), ('7', '7', null), ('8', '8', null), ('9', '9', null), ('10', '10', null),
    ('11', '11', null), ('12', '12', null), ('13', '13', null),
    ('01', '1', null), ('02', '2', null), ('03', '3', null), ('04', '4', null), ('05', '5', null),
    ('06', '6', null), ('07', '7', null), ('08', '8', null), ('09', '9', null);

-- Home languages: Clever's 47 language names (clever-output.md) map to themselves; ISO 639 codes
-- and other SIS words map to their name. Anything else is written empty and warned.
drop table if exists home_language_map;
create table home_language_map (sis_language text primary key, clever_language text not null) without rowid;
insert into home_language_map values
    ('english', 'English'), ('albanian', 'Albanian'), ('amharic', 'Amharic'), ('arabic', 'Arabic'), ('bengali', 'Bengali'), ('bosnian', 'Bosnian'),
    ('burmese', 'Burmese'), ('cantonese', 'Cantonese'), ('chinese', 'Chinese'), ('dutch', 'Dutch'), ('farsi', 'Farsi'), ('french', 'French'),
    ('german', 'German'), ('hebrew', 'Hebrew'), ('hindi', 'Hindi'), ('hmong', 'Hmong'), ('ilocano', 'Ilocano'), ('japanese', 'Japanese'),
    ('javanese', 'Javanese'), ('karen', 'Karen'), ('khmer', 'Khmer'), ('korean', 'Korean'), ('laotian', 'Laotian'), ('latvian', 'Latvian'),
    ('malay', 'Malay'), ('mandarin', 'Mandarin'), ('nepali', 'Nepali'), ('oromo', 'Oromo'), ('polish', 'Polish'), ('portuguese', 'Portuguese'),
    ('punjabi', 'Punjabi'), ('romanian', 'Romanian'), ('russian', 'Russian'), ('samoan', 'Samoan'), ('serbian', 'Serbian'), ('somali', 'Somali'),
    ('spanish', 'Spanish'), ('swahili', 'Swahili'), ('tagalog', 'Tagalog'), ('tamil', 'Tamil'), ('telugu', 'Telugu'), ('thai', 'Thai'),
    ('tigrinya', 'Tigrinya'), ('turkish', 'Turkish'), ('ukrainian', 'Ukrainian'), ('urdu', 'Urdu'), ('vietnamese', 'Vietnamese'), ('am', 'Amharic'),
    ('ar', 'Arabic'), ('ara', 'Arabic'), ('ben', 'Bengali'), ('bn', 'Bengali'), ('bs', 'Bosnian'), ('chi', 'Chinese'),
    ('de', 'German'), ('deu', 'German'), ('en', 'English'), ('eng', 'English'), ('es', 'Spanish'), ('fa', 'Farsi'),
    ('fr', 'French'), ('fra', 'French'), ('fre', 'French'), ('ger', 'German'), ('he', 'Hebrew'), ('hi', 'Hindi'),
    ('hin', 'Hindi'), ('hmn', 'Hmong'), ('ja', 'Japanese'), ('jpn', 'Japanese'), ('jv', 'Javanese'), ('km', 'Khmer'),
    ('ko', 'Korean'), ('kor', 'Korean'), ('lo', 'Laotian'), ('lv', 'Latvian'), ('ms', 'Malay'), ('my', 'Burmese'),
    ('ne', 'Nepali'), ('nl', 'Dutch'), ('om', 'Oromo'), ('pa', 'Punjabi'), ('pl', 'Polish'), ('pol', 'Polish'),
    ('por', 'Portuguese'), ('pt', 'Portuguese'), ('ro', 'Romanian'), ('ru', 'Russian'), ('rus', 'Russian'), ('sm', 'Samoan'),
    ('so', 'Somali'), ('som', 'Somali'), ('spa', 'Spanish'), ('sq', 'Albanian'), ('sr', 'Serbian'), ('sw', 'Swahili'),
    ('ta', 'Tamil'), ('te', 'Telugu'), ('tgl', 'Tagalog'), ('th', 'Thai'), ('ti', 'Tigrinya'), ('tl', 'Tagalog'),
    ('tr', 'Turkish'), ('uk', 'Ukrainian'), ('ur', 'Urdu'), ('urd', 'Urdu'), ('vi', 'Vietnamese'), ('vie', 'Vietnamese'),
    ('zh', 'Chinese'), ('zho', 'Chinese'), ('cambodian', 'Khmer'), ('cmn', 'Mandarin'), ('filipino', 'Tagalog'), ('lao', 'Laotian'),
    ('persian', 'Farsi'), ('yue', 'Cantonese');

-- Contact relationships: Clever's contact records use Parent, Grandparent, Self, Aunt/Uncle,
-- Sibling and Other. Anything not listed is written Other and warned.
drop table if exists contact_relationship_map;
create table contact_relationship_map (sis_relationship text primary key, clever_relationship text not null) without rowid;
insert into contact_relationship_map values
    ('parent', 'Parent'), ('mother', 'Parent'), ('father', 'Parent'), ('guardian', 'Parent'),
    ('parent/guardian', 'Parent'), ('legal guardian', 'Parent'), ('stepmother', 'Parent'),
    ('stepfather', 'Parent'), ('step-mother', 'Parent'), ('step-father', 'Parent'),
    ('foster mother', 'Parent'), ('foster father', 'Parent'), ('foster parent', 'Parent'),
    ('grandparent', 'Grandparent'), ('grandmother', 'Grandparent'), ('grandfather', 'Grandparent'),
    ('aunt/uncle', 'Aunt/Uncle'), ('aunt', 'Aunt/Uncle'), ('uncle', 'Aunt/Uncle'),
    ('sibling', 'Sibling'), ('brother', 'Sibling'), ('sister', 'Sibling'),
    ('self', 'Self'), ('other', 'Other');

-- Flags (sis-extract.md): the words a Y/N column may hold, any case; 1 is yes, 0 no. A flag
-- column read through this table is 0 when it is empty or holds another word.
drop table if exists flag_words;
create table flag_words (word text primary key, flag integer not null) without rowid;
insert into flag_words values
    ('y', 1), ('yes', 1), ('1', 1), ('true', 1),
    ('n', 0), ('no', 0), ('0', 0), ('false', 0);

-- Letters: the accented Latin letters a name may hold and the ASCII they are written as in a
-- generated username (first_initial_last_name keeps a-z and 0-9 and looks every other
-- character up here; one not listed is dropped). Both cases: SQLite's lower() folds only ASCII.
drop table if exists letter_map;
create table letter_map (letter text primary key, ascii text not null) without rowid;
insert into letter_map values
    ('à', 'a'), ('á', 'a'), ('â', 'a'), ('ã', 'a'), ('ä', 'a'), ('å', 'a'), ('ą', 'a'), ('ā', 'a'),
    ('À', 'a'), ('Á', 'a'), ('Â', 'a'), ('Ã', 'a'), ('Ä', 'a'), ('Å', 'a'), ('Ą', 'a'), ('Ā', 'a'),
    ('æ', 'ae'), ('Æ', 'ae'), ('ç', 'c'), ('ć', 'c'), ('č', 'c'), ('Ç', 'c'), ('Ć', 'c'), ('Č', 'c'),
    ('ď', 'd'), ('đ', 'd'), ('Ď', 'd'), ('Đ', 'd'),
    ('è', 'e'), ('é', 'e'), ('ê', 'e'), ('ë', 'e'), ('ę', 'e'), ('ě', 'e'), ('ē', 'e'),
    ('È', 'e'), ('É', 'e'), ('Ê', 'e'), ('Ë', 'e'), ('Ę', 'e'), ('Ě', 'e'), ('Ē', 'e'),
    ('ğ', 'g'), ('Ğ', 'g'),
    ('ì', 'i'), ('í', 'i'), ('î', 'i'), ('ï', 'i'), ('ı', 'i'), ('ī', 'i'),
    ('Ì', 'i'), ('Í', 'i'), ('Î', 'i'), ('Ï', 'i'), ('İ', 'i'), ('Ī', 'i'),
    ('ł', 'l'), ('Ł', 'l'), ('ñ', 'n'), ('ń', 'n'), ('ň', 'n'), ('Ñ', 'n'), ('Ń', 'n'), ('Ň', 'n'),
    ('ò', 'o'), ('ó', 'o'), ('ô', 'o'), ('õ', 'o'), ('ö', 'o'), ('ø', 'o'), ('ő', 'o'), ('ō', 'o'),
    ('Ò', 'o'), ('Ó', 'o'), ('Ô', 'o'), ('Õ', 'o'), ('Ö', 'o'), ('Ø', 'o'), ('Ő', 'o'), ('Ō', 'o'),
    ('œ', 'oe'), ('Œ', 'oe'), ('ř', 'r'), ('Ř', 'r'),
    ('ś', 's'), ('š', 's'), ('ş', 's'), ('Ś', 's'), ('Š', 's'), ('Ş', 's'), ('ß', 'ss'),
    ('ť', 't'), ('ţ', 't'), ('Ť', 't'), ('Ţ', 't'),
    ('ù', 'u'), ('ú', 'u'), ('û', 'u'), ('ü', 'u'), ('ů', 'u'), ('ű', 'u'), ('ū', 'u'),
    ('Ù', 'u'), ('Ú', 'u'), ('Û', 'u'), ('Ü', 'u'), ('Ů', 'u'), ('Ű', 'u'), ('Ū', 'u'),
    ('ý', 'y'), ('ÿ', 'y'), ('Ý', 'y'), ('Ÿ', 'y'),
    ('ź', 'z'), ('ż', 'z'), ('ž', 'z'), ('Ź', 'z'), ('Ż', 'z'), ('Ž', 'z');

-- OneRoster (oneroster-output.md). Grades: SIS grade codes to CEDS Entry Grade Levels; a CEDS
-- code maps to itself. A code not here is written empty and warned.
drop table if exists ceds_grade_map;
create table ceds_grade_map (sis_grade text primary key, ceds_grade text not null) without rowid;
insert into ceds_grade_map values
    ('3f', 'PK'), ('3h', 'PK'), ('4f', 'PK'), ('4h', 'PK'),
    ('k', 'KG'), ('kf', 'KG'), ('kh', 'KG'), ('dh', 'KG'),
    ('pg', 'PS'), ('ug', 'UG'),
    ('it', 'IT'), ('pr', 'PR'), ('pk', 'PK'), ('tk', 'TK'), ('kg', 'KG'), ('ps', 'PS'), ('other', 'Other'),
    ('1', '01'), ('2', '02'), ('3', '03'), ('4', '04'), ('5', '05'), ('6', '06'), ('7', '07'),
    ('8', '08'), ('9', '09'), ('10', '10'), ('11', '11'), ('12', '12'), ('13', '13'),
    ('01', '01'), ('02', '02'), ('03', '03'), ('04', '04'), ('05', '05'), ('06', '06'), ('07', '07'),
    ('08', '08'), ('09', '09'),
    ('001', '01'), ('002', '02'), ('003', '03'), ('004', '04'), ('005', '05'), ('006', '06'),
    ('007', '07'), ('008', '08'), ('009', '09'), ('010', '10'), ('011', '11'), ('012', '12'), ('013', '13');

-- The CEDS list in its order, which OneRoster's grades lists follow.
drop table if exists ceds_grades;
create table ceds_grades (ceds_grade text primary key, position integer not null) without rowid;
insert into ceds_grades values
    ('IT', 1), ('PR', 2), ('PK', 3), ('TK', 4), ('KG', 5), ('01', 6), ('02', 7), ('03', 8), ('04', 9),
    ('05', 10), ('06', 11), ('07', 12), ('08', 13), ('09', 14), ('10', 15), ('11', 16), ('12', 17),
    ('13', 18), ('PS', 19), ('UG', 20), ('Other', 21);

-- Staff roles (staff_roles.role) to OneRoster roles; where a person holds several, administrator
-- wins over teacher, teacher over aide (rank).
drop table if exists staff_role_map;
create table staff_role_map (sis_role text primary key, oneroster_role text not null, rank integer not null) without rowid;
insert into staff_role_map values
    ('principal', 'administrator', 1), ('vice principal', 'administrator', 1),
    ('assistant principal', 'administrator', 1), ('superintendent', 'administrator', 1),
    ('administrator', 'administrator', 1), ('supervisor', 'administrator', 1),
    ('teacher', 'teacher', 2), ('substitute', 'teacher', 2), ('long term substitute', 'teacher', 2),
    ('aide', 'aide', 3), ('classroom aide', 'aide', 3), ('instructional aide', 'aide', 3),
    ('paraprofessional', 'aide', 3);

-- Guardians' relationships to OneRoster roles; anything not listed is 'guardian'.
drop table if exists guardian_role_map;
create table guardian_role_map (sis_relationship text primary key, oneroster_role text not null) without rowid;
insert into guardian_role_map values
    ('mother', 'parent'), ('father', 'parent'), ('parent', 'parent'), ('stepmother', 'parent'),
    ('stepfather', 'parent'),
    ('grandparent', 'relative'), ('grandmother', 'relative'), ('grandfather', 'relative'),
    ('aunt', 'relative'), ('uncle', 'relative'), ('sibling', 'relative'), ('brother', 'relative'),
    ('sister', 'relative');
