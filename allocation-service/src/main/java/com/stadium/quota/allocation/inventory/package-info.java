/**
 * Each match's seat inventory: which seats are held for which quota. The database (primary key on match and
 * seat) is the truth; an in-memory view per match makes allocation fast and is rebuilt from it when in doubt.
 */
package com.stadium.quota.allocation.inventory;
