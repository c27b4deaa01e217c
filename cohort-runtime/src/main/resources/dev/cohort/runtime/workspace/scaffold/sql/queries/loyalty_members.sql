-- Loyalty members we can reach by phone or e-mail, best customers first.
SELECT customer_id, loyalty_id, first_name, last_name, email, phone,
       address_line_1, city, state, postal_code, tier, points_balance
FROM customer_360
WHERE email IS NOT NULL OR phone IS NOT NULL
ORDER BY lifetime_value DESC
