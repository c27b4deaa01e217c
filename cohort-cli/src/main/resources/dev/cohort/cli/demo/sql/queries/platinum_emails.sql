-- Platinum members who opted in to e-mail: Insider One's segment takes one column, named as its attribute.
SELECT email
FROM customer_360
WHERE tier = 'Platinum' AND email_opt_in
ORDER BY customer_id
