-- Where the payer's browser (or the app) goes back to after the payment page. The first one asked for stays: the
-- payment is created once per claim, so asking again with another address returns the same payment.
alter table claim add column return_url varchar(2000);
