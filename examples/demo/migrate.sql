CREATE TABLE IF NOT EXISTS greeting (id INT PRIMARY KEY, text VARCHAR(200) NOT NULL);
MERGE INTO greeting KEY (id) VALUES (1, 'Hello from the database, served by the api service');
MERGE INTO greeting KEY (id) VALUES (2, 'Every line you see here went through dev''s log capture');
