-- What compliance rules read of a product beyond its attributes (CMP-3): the ingredients as the CPI lists them, in
-- order; the model number; and the date the model was first registered (an FCC report may not predate it).
alter table product add column ingredients jsonb not null default '{"items": []}'::jsonb;
alter table product add column model_number text;
alter table product add column model_first_registered_at date;
