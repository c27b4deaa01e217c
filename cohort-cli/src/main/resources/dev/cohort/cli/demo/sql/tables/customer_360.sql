SELECT
    c.*,
    count(o.order_id)          AS order_count,
    CAST(coalesce(sum(o.amount), 0) AS DECIMAL(14, 2)) AS lifetime_value,
    max(o.order_date)          AS last_order_date
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id
GROUP BY ALL
