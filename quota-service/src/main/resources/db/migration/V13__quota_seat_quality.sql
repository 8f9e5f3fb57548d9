-- Issue 16, item 3: how allocation-service seated the quota's group (the summary carried by allocation.completed),
-- as JSON text: {"rule":"1","together":true,"blocks":1,"rows":1,"sectors":1,"orphansCreated":0,"meanQuality":71.5}
alter table quota add column seat_quality text;
