SELECT customer_id, loyalty_id, first_name, email, birth_date
FROM customer_360
WHERE month(birth_date) = month(current_date + INTERVAL 1 MONTH)
ORDER BY customer_id
