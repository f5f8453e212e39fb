-- Requirement rules (rule CMP-1): market x category (x product attributes) -> required document types.
-- The rule set is versioned as a whole: every change makes a new version; a rule row is in force from its
-- from_version up to (not including) its to_version, so any past version can be read back as it was.
create table rule_set_version (
    version     integer primary key,
    created_at  timestamptz not null,
    created_by  text        not null,
    change      text        not null
);

create table requirement_rule (
    row_id          uuid primary key,
    -- stable across versions: an edited rule keeps its id, its old wording stays in the old versions
    rule_id         uuid    not null,
    market          text    not null,
    -- '*' = every category of the market; otherwise a path that matches itself and everything below it
    category_path   text    not null,
    -- product attributes that must all hold, e.g. {"wireless": "true"}; {} = always
    conditions      jsonb   not null default '{}'::jsonb,
    -- comma-separated document types, e.g. FCC_ID,FCC_TEST_REPORT
    document_types  text    not null,
    description     text    not null,
    from_version    integer not null references rule_set_version (version),
    to_version      integer references rule_set_version (version),
    check (to_version is null or to_version > from_version)
);

create index requirement_rule_in_force on requirement_rule (market, from_version, to_version);
create unique index requirement_rule_one_current on requirement_rule (rule_id) where to_version is null;

insert into rule_set_version (version, created_at, created_by, change)
values (1, now(), 'migration', 'Initial requirements from DOMAIN.md CMP-1');

insert into requirement_rule (row_id, rule_id, market, category_path, conditions, document_types, description, from_version)
select gen_random_uuid(), gen_random_uuid(), r.market, r.category_path, r.conditions::jsonb, r.document_types,
       r.description, 1
from (values
    ('US', 'Phones & Electronics', '{}', 'FCC_ID,FCC_TEST_REPORT',
        'Electronics sold in the US need an FCC ID and an FCC Part 15B test report'),
    ('US', 'Computers & Office', '{}', 'FCC_ID,FCC_TEST_REPORT',
        'Computers and office electronics sold in the US need an FCC ID and an FCC Part 15B test report'),
    ('US', 'Household Appliances', '{}', 'FCC_ID,FCC_TEST_REPORT',
        'Household appliances sold in the US need an FCC ID and an FCC Part 15B test report'),
    ('US', '*', '{"wireless": "true"}', 'FCC_ID,FCC_TEST_REPORT',
        'Any wireless product sold in the US needs an FCC ID and test report, whatever its category'),
    ('US', 'Beauty', '{}', 'FDA_FACILITY_REGISTRATION,CPI',
        'Cosmetics sold in the US need an FDA facility registration and a Cosmetic Product Ingredient statement'),
    ('US', 'Children''s Toys', '{}', 'CPSC_STATEMENT',
        'Toys sold in the US need a CPSC compliance statement'),
    ('US', 'Baby & Maternity', '{}', 'CPSC_STATEMENT',
        'Baby products sold in the US need a CPSC compliance statement'),
    ('US', 'Kids'' Fashion', '{}', 'CPSC_STATEMENT',
        'Children''s clothing sold in the US needs a CPSC compliance statement'),
    ('US', '*', '{"forChildren": "true"}', 'CPSC_STATEMENT',
        'Any product made for children sold in the US needs a CPSC compliance statement'),
    ('UK', 'Phones & Electronics', '{}', 'UKCA_DECLARATION',
        'Electronics sold in the UK need a UKCA declaration of conformity'),
    ('UK', 'Household Appliances', '{}', 'UKCA_DECLARATION',
        'Household appliances sold in the UK need a UKCA declaration of conformity'),
    ('UK', 'Children''s Toys', '{}', 'UKCA_DECLARATION',
        'Toys sold in the UK need a UKCA declaration of conformity'),
    ('UK', '*', '{"wireless": "true"}', 'UKCA_DECLARATION',
        'Any wireless product sold in the UK needs a UKCA declaration of conformity'),
    ('DE', '*', '{}', 'EPR_REGISTRATION',
        'Every product sold in Germany needs the seller''s EPR registration (packaging, and WEEE/batteries where they apply)'),
    ('FR', '*', '{}', 'EPR_REGISTRATION',
        'Every product sold in France needs the seller''s EPR registration (unique identifier)'),
    ('ID', '*', '{}', 'SGS_TEST_REPORT',
        'Products sold in Indonesia need an SGS test report'),
    ('TH', 'Beauty', '{}', 'THAI_FDA_LICENCE',
        'Cosmetics sold in Thailand need a Thai FDA licence'),
    ('TH', 'Health', '{}', 'THAI_FDA_LICENCE',
        'Health products sold in Thailand need a Thai FDA licence'),
    ('TH', 'Food & Beverages', '{}', 'THAI_FDA_LICENCE',
        'Food sold in Thailand needs a Thai FDA licence')
) as r (market, category_path, conditions, document_types, description);
-- Vietnam has no document rule in DOMAIN.md; its requirement is the tax id once sales pass the threshold (CMP-4).
