-- Per-market category trees (rule LST-2): a top-level category is open to every seller (whitelisted) or by
-- invitation only; sub-categories follow their top-level category. In the US 28 top-level categories are open.
create table market_category (
    market       text    not null,
    path         text    not null,
    whitelisted  boolean not null,
    primary key (market, path)
);

insert into market_category (market, path, whitelisted)
select 'US', c.path, c.whitelisted
from (values
    ('Beauty', true), ('Home & Living', true), ('Electronics Accessories', true), ('Phones & Electronics', true),
    ('Computers & Office', true), ('Womenswear', true), ('Menswear', true), ('Fashion Accessories', true),
    ('Shoes', true), ('Luggage & Bags', true), ('Jewelry', true), ('Sports & Outdoor', true),
    ('Kitchenware', true), ('Household Appliances', true), ('Home Improvement', true), ('Furniture', true),
    ('Tools & Hardware', true), ('Automotive', true), ('Pet Supplies', true), ('Baby & Maternity', true),
    ('Kids'' Fashion', true), ('Books & Audio', true), ('Textiles & Soft Furnishings', true),
    ('Home Supplies', true), ('Collectibles', true), ('Stationery & Crafts', true), ('Garden', true),
    ('Personal Care Appliances', true),
    -- by invitation only at the time of writing (seed 002: e.g. Health Supplements, Children's Toys)
    ('Health Supplements', false), ('Children''s Toys', false), ('Health', false), ('Food & Beverages', false),
    ('Pre-Owned', false)
) as c (path, whitelisted);

-- a few second-level categories, so that paths such as Beauty/Skincare resolve
insert into market_category (market, path, whitelisted)
select 'US', c.parent || '/' || c.child, p.whitelisted
from (values
    ('Beauty', 'Skincare'), ('Beauty', 'Makeup'), ('Beauty', 'Fragrance'), ('Beauty', 'Hair Care'),
    ('Phones & Electronics', 'Audio'), ('Phones & Electronics', 'Phones'), ('Phones & Electronics', 'Wearables'),
    ('Electronics Accessories', 'Cables & Chargers'), ('Electronics Accessories', 'Phone Cases'),
    ('Computers & Office', 'Laptops'), ('Computers & Office', 'Office Supplies'),
    ('Household Appliances', 'Kitchen Appliances'), ('Children''s Toys', 'Educational Toys'),
    ('Health Supplements', 'Vitamins')
) as c (parent, child)
join market_category p on p.market = 'US' and p.path = c.parent;

-- the other markets: the same tree, every category open (LST-2's whitelist is a US rule)
insert into market_category (market, path, whitelisted)
select m.market, c.path, true
from market_category c
cross join (values ('UK'), ('DE'), ('FR'), ('ID'), ('TH'), ('VN')) as m (market)
where c.market = 'US';
