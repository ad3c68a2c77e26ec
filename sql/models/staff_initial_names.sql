-- staff_initial_names: the first_initial_last_name of each active staff member (a source of
-- teachers.username, staff.username and staff.password; built only when one of them names it):
-- lower-case first letter of the first name + last name, ASCII letters and digits only
-- (accented letters through letter_map: Émile Østergård is eostergard); collisions among all
-- active staff get 2, 3 ... by staff_id, skipping a number that would repeat another person's
-- name.
-- reads: stg_staff, run_options, positions, letter_map
drop table if exists staff_initial_names;
create table staff_initial_names as
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
final as (
    select staff_id, first_initial_last_name from initial_names
)
select * from final;
create index staff_initial_names_1 on staff_initial_names (staff_id);
