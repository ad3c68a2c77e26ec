-- staff_logins: per active staff member, the e-mail, usernames, password and number that
-- teachers.csv, staff.csv and admins.csv draw on. Username sources (teachers.username,
-- staff.username): email, email_local_part (of that e-mail), logon, first_initial_last_name,
-- staff_id, user_text:FIELD. staff.password: blank, custom, email, first_initial_last_name,
-- staff_id, user_text:FIELD. teachers.number: teacher_number, staff_id, state_id, logon.
--   email: teachers.email source (sis, logon, user_text:FIELD); teachers.email_suffix is added
--     (with its '@') to a value without '@'.
--   first_initial_last_name: lower-case first letter of the first name + last name, ASCII
--     letters and digits only (accented letters through letter_map: Émile Østergård is
--     eostergard); collisions among all active staff get 2, 3 ... by staff_id, skipping a
--     number that would repeat another person's name.
drop table if exists staff_logins;
create table staff_logins as
with recursive active as (
    select s.* from stg_staff s where s.is_active
),
-- The lower-cased first initial and last name, read character by character (positions): a-z and
-- 0-9 are kept, an accented letter is written as letter_map says (é -> e), anything else is
-- dropped. A name with nothing left gets no username (NULL), not a number.
names as (
    select a.staff_id, lower(substr(a.first_name, 1, 1) || a.last_name) as name
    from active a
    cross join run_options o
    where 'first_initial_last_name' in (o.teachers_username, o.staff_username, o.staff_password)
),
kept_names as (
    select n.staff_id,
        (select group_concat(k, '') from (
            select case
                when substr(n.name, p.n, 1) between 'a' and 'z' or substr(n.name, p.n, 1) between '0' and '9'
                    then substr(n.name, p.n, 1)
                else (select m.ascii from letter_map m where m.letter = substr(n.name, p.n, 1))
            end as k
            from positions p where p.n <= length(n.name) order by p.n)) as kept
    from names n
),
-- Collisions: the first by staff_id keeps the name, the others get 2, 3 … appended, skipping a
-- number that would give another person's own name (J Smith2 keeps jsmith2; John Smith's second
-- namesake becomes jsmith3). Twenty spare numbers a name; check_usernames warns of what is left.
ranked as (
    select staff_id, kept, row_number() over (partition by kept order by staff_id) as rank,
        count(*) over (partition by kept) as namesakes
    from kept_names
    where kept is not null
),
numbers (n) as (
    select 2
    union all
    select n + 1 from numbers where n < (select max(namesakes) + 20 from ranked)
),
free_numbers as (
    select g.kept, n.n, row_number() over (partition by g.kept order by n.n) as k
    from (select distinct kept, namesakes from ranked where namesakes > 1) g
    join numbers n on n.n <= g.namesakes + 20
    where g.kept || n.n not in (select kept from ranked)
),
initial_names as (
    select
        r.staff_id,
        case when r.rank = 1 then r.kept else r.kept || f.n end as first_initial_last_name
    from ranked r
    left join free_numbers f on f.kept = r.kept and f.k = r.rank - 1
),
emails as (
    select
        a.*,
        nullif(case
            when o.teachers_email = 'sis' then a.email
            when o.teachers_email = 'logon' then a.logon
            when o.teachers_email like 'user_text:%' then
                (select max(u.value) from stg_staff_user_texts u
                 where u.staff_id = a.staff_id and u.field = substr(o.teachers_email, 11))
        end, '') as email_base
    from active a
    cross join run_options o
),
addressed as (
    select
        e.*,
        case
            when e.email_base is null or instr(e.email_base, '@') > 0
                or coalesce(o.teachers_email_suffix, '') = '' then e.email_base
            when o.teachers_email_suffix like '@%' then e.email_base || o.teachers_email_suffix
            else e.email_base || '@' || o.teachers_email_suffix
        end as written_email,
        n.first_initial_last_name
    from emails e
    cross join run_options o
    left join initial_names n on n.staff_id = e.staff_id
),
final as (
    select
        a.staff_id,
        a.written_email as email,
        nullif(case
            when o.teachers_username = 'email' then a.written_email
            when o.teachers_username = 'email_local_part' then
                case when instr(a.written_email, '@') > 0
                    then substr(a.written_email, 1, instr(a.written_email, '@') - 1) else a.written_email end
            when o.teachers_username = 'logon' then a.logon
            when o.teachers_username = 'first_initial_last_name' then a.first_initial_last_name
            when o.teachers_username = 'staff_id' then a.staff_id
            when o.teachers_username like 'user_text:%' then
                (select max(u.value) from stg_staff_user_texts u
                 where u.staff_id = a.staff_id and u.field = substr(o.teachers_username, 11))
        end, '') as teacher_username,
        nullif(case
            when o.staff_username = 'email' then a.written_email
            when o.staff_username = 'email_local_part' then
                case when instr(a.written_email, '@') > 0
                    then substr(a.written_email, 1, instr(a.written_email, '@') - 1) else a.written_email end
            when o.staff_username = 'logon' then a.logon
            when o.staff_username = 'first_initial_last_name' then a.first_initial_last_name
            when o.staff_username = 'staff_id' then a.staff_id
            when o.staff_username like 'user_text:%' then
                (select max(u.value) from stg_staff_user_texts u
                 where u.staff_id = a.staff_id and u.field = substr(o.staff_username, 11))
        end, '') as staff_username,
        nullif(case
            when o.staff_password = 'custom' then o.staff_password_text
            when o.staff_password = 'email' then a.written_email
            when o.staff_password = 'first_initial_last_name' then a.first_initial_last_name
            when o.staff_password = 'staff_id' then a.staff_id
            when o.staff_password like 'user_text:%' then
                (select max(u.value) from stg_staff_user_texts u
                 where u.staff_id = a.staff_id and u.field = substr(o.staff_password, 11))
        end, '') as staff_password,
        nullif(case
            when o.teachers_number = 'teacher_number' then a.teacher_number
            when o.teachers_number = 'staff_id' then a.staff_id
            when o.teachers_number = 'state_id' then a.state_id
            when o.teachers_number = 'logon' then a.logon
        end, '') as teacher_number
    from addressed a
    cross join run_options o
)
select * from final;
create index staff_logins_1 on staff_logins (staff_id);
