-- Every loyalty member we can reach, best customers first.
SELECT customer_id, loyalty_id, first_name, last_name, email, phone,
       address_line_1, address_line_2, city, state, postal_code, tier, points_balance, lifetime_value
FROM customer_360
WHERE loyalty_id IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL)
ORDER BY lifetime_value DESC, customer_id
