-- check_extract_values: what the importer changed in a value or found worth a warning
-- (extract_warnings): a control character or a byte-order mark removed from a text value, a value
-- that starts like a spreadsheet formula (= + - @). An ID holding either is an import error
-- instead, and nothing is exported. Unicode spaces at either end are trimmed as spaces are,
-- without a warning.
-- reads: extract_warnings
create view check_extract_values as
with final as (
    select
        'warning' as severity,
        case when message like 'starts with%' then 'value_formula' else 'value_cleaned' end as code,
        file,
        case when line is null then 'more' else 'line ' || line || ' column ' || column_name end as record,
        message
    from extract_warnings
)
select * from final;
