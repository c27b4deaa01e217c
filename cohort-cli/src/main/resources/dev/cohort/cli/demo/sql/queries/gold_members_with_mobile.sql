SELECT customer_id, loyalty_id, first_name, phone, tier, points_balance
FROM customer_360
WHERE tier IN ('Gold', 'Platinum') AND phone IS NOT NULL
ORDER BY points_balance DESC, customer_id
