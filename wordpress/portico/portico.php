<?php
/**
 * Plugin Name:       Portico
 * Description:       Places the Portico customer portal in your pages with shortcodes: sign-in, ordering, the customer's account, tickets, the help centre, chat, notifications and announcements.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Text Domain:       portico
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

define( 'PORTICO_VERSION', '0.1.0' );
define( 'PORTICO_OPTION', 'portico_portal_url' );
define( 'PORTICO_SCRIPT_HANDLE', 'portico' );

require_once __DIR__ . '/includes/portal-url.php';
require_once __DIR__ . '/includes/script.php';
require_once __DIR__ . '/includes/shortcodes.php';

add_action( 'init', 'portico_register_shortcodes' );
add_filter( 'script_loader_tag', 'portico_module_script_tag', 10, 2 );

if ( is_admin() ) {
	require_once __DIR__ . '/includes/settings.php';

	add_action( 'admin_init', 'portico_register_settings' );
	add_action( 'admin_menu', 'portico_add_settings_page' );
	add_action( 'admin_notices', 'portico_missing_portal_url_notice' );
	add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'portico_plugin_action_links' );
}
